package dev.engranaje.cli.bench;

import java.time.Duration;

/**
 * What one {@code rpa bench} run does. Immutable; validated on construction. Defaults live in
 * {@link BenchCommand}'s options and in {@link #defaults()}.
 *
 * @param instances instances in the throughput run (default 10,000)
 * @param warmupInstances instances run first and not measured, so the JIT is warm (default 1,000)
 * @param creators create requests kept in flight at once (default 64)
 * @param lowRateInstances instances in the low-rate latency run (default 200)
 * @param lowRatePerSecond the pace of the low-rate run (default 50/s)
 * @param recoveryInstances active instances waiting at a service task before the restart (default
 *     10,000); 0 skips recovery
 * @param maxJobsActive each worker's {@code maxJobsActive} (default 128)
 * @param pollInterval each worker's {@code pollInterval} (default 100 ms)
 * @param requestTimeout each worker's long-poll {@code requestTimeout} (default 10 s)
 * @param fsync whether commits fsync (SQLite {@code synchronous=FULL}); default true
 * @param processStartup whether to time a child {@code rpa engine start} process (default true)
 * @param timeout how long any one phase may take before the bench gives up (default 10 min)
 */
public record BenchSettings(
    int instances,
    int warmupInstances,
    int creators,
    int lowRateInstances,
    int lowRatePerSecond,
    int recoveryInstances,
    int maxJobsActive,
    Duration pollInterval,
    Duration requestTimeout,
    boolean fsync,
    boolean processStartup,
    Duration timeout) {

  public BenchSettings {
    positive("instances", instances);
    notNegative("warmup instances", warmupInstances);
    positive("creators", creators);
    notNegative("low-rate instances", lowRateInstances);
    positive("low rate", lowRatePerSecond);
    notNegative("recovery instances", recoveryInstances);
    positive("max jobs active", maxJobsActive);
    positive("poll interval (ms)", pollInterval.toMillis());
    positive("request timeout (ms)", requestTimeout.toMillis());
    positive("timeout (ms)", timeout.toMillis());
  }

  /** The defaults of {@code rpa bench}. */
  public static BenchSettings defaults() {
    return new BenchSettings(10_000, 1_000, 64, 200, 50, 10_000, 128, Duration.ofMillis(100),
        Duration.ofSeconds(10), true, true, Duration.ofMinutes(10));
  }

  private static void positive(String name, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException("Expected " + name + " to be positive, but got " + value);
    }
  }

  private static void notNegative(String name, long value) {
    if (value < 0) {
      throw new IllegalArgumentException("Expected " + name + " to be 0 or more, but got " + value);
    }
  }
}
