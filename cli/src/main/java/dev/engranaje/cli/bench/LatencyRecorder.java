package dev.engranaje.cli.bench;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Collects latency samples (nanoseconds) into a fixed array; samples beyond its capacity are
 * counted but dropped. Thread-safe and lock-free, so handlers on any thread may record.
 */
final class LatencyRecorder {
  private final long[] samples;
  private final AtomicInteger next = new AtomicInteger();

  LatencyRecorder(int capacity) {
    this.samples = new long[capacity];
  }

  void record(long nanos) {
    int index = next.getAndIncrement();
    if (index < samples.length) {
      samples[index] = nanos;
    }
  }

  /** Percentiles of what was recorded so far (call once the recording threads are done). */
  BenchReport.Latency summary() {
    int count = Math.min(next.get(), samples.length);
    if (count == 0) {
      return new BenchReport.Latency(0, 0, 0, 0, 0);
    }
    long[] sorted = Arrays.copyOf(samples, count);
    Arrays.sort(sorted);
    return new BenchReport.Latency(count, millis(sorted, 0.50), millis(sorted, 0.90), millis(sorted, 0.99),
        sorted[count - 1] / 1e6);
  }

  private static double millis(long[] sorted, double quantile) {
    int rank = (int) Math.ceil(quantile * sorted.length) - 1;
    return sorted[Math.max(0, rank)] / 1e6;
  }
}
