package dev.engranaje.cli.bench;

import java.time.Duration;

/**
 * What one {@code rpa bench} run does. Immutable; validated on construction. The defaults are the
 * {@code DEFAULT_*} constants, used by {@link BenchCommand}'s options and by {@link #defaults()}.
 * They describe a tuned client: enough in flight to keep the engine busy, and workers that poll
 * again at once (the engine holds each poll open until a job exists, so a short pollInterval does
 * not busy-wait).
 *
 * @param instances instances in the throughput run (default 20,000)
 * @param warmupInstances instances run first and not measured, so the JIT has compiled the hot
 *     paths (default 10,000; fewer leaves the compiler busy during the measurement)
 * @param creators requests kept in flight at once: creates, and publications in the message run
 *     (default 128)
 * @param lowRateInstances instances in the paced latency run (default 4,000)
 * @param lowRatePerSecond the pace of the paced run, below saturation (default 400/s)
 * @param recoveryInstances active instances waiting at a service task before the restart (default
 *     10,000); 0 skips recovery
 * @param messageInstances instances waiting at a message catch event, each with its own
 *     correlation key, before as many messages are published (default 10,000); 0 skips the message
 *     run
 * @param maxJobsActive each worker's {@code maxJobsActive} (default 256)
 * @param pollInterval each worker's {@code pollInterval} (default 1 ms)
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
    int messageInstances,
    int maxJobsActive,
    Duration pollInterval,
    Duration requestTimeout,
    boolean fsync,
    boolean processStartup,
    Duration timeout) {

  static final String DEFAULT_INSTANCES = "20000";
  static final String DEFAULT_WARMUP = "10000";
  static final String DEFAULT_CREATORS = "128";
  static final String DEFAULT_LOW_RATE_INSTANCES = "4000";
  static final String DEFAULT_LOW_RATE = "400";
  static final String DEFAULT_RECOVERY_INSTANCES = "10000";
  static final String DEFAULT_MESSAGE_INSTANCES = "10000";
  static final String DEFAULT_MAX_JOBS_ACTIVE = "256";
  static final String DEFAULT_POLL_INTERVAL = "PT0.001S";
  static final String DEFAULT_REQUEST_TIMEOUT = "PT10S";
  static final String DEFAULT_TIMEOUT = "PT10M";

  public BenchSettings {
    positive("instances", instances);
    notNegative("warmup instances", warmupInstances);
    positive("creators", creators);
    notNegative("low-rate instances", lowRateInstances);
    positive("low rate", lowRatePerSecond);
    notNegative("recovery instances", recoveryInstances);
    notNegative("message instances", messageInstances);
    positive("max jobs active", maxJobsActive);
    positive("poll interval (ms)", pollInterval.toMillis());
    positive("request timeout (ms)", requestTimeout.toMillis());
    positive("timeout (ms)", timeout.toMillis());
  }

  /** The defaults of {@code rpa bench}. */
  public static BenchSettings defaults() {
    return new BenchSettings(Integer.parseInt(DEFAULT_INSTANCES), Integer.parseInt(DEFAULT_WARMUP),
        Integer.parseInt(DEFAULT_CREATORS), Integer.parseInt(DEFAULT_LOW_RATE_INSTANCES),
        Integer.parseInt(DEFAULT_LOW_RATE), Integer.parseInt(DEFAULT_RECOVERY_INSTANCES),
        Integer.parseInt(DEFAULT_MESSAGE_INSTANCES), Integer.parseInt(DEFAULT_MAX_JOBS_ACTIVE),
        Duration.parse(DEFAULT_POLL_INTERVAL), Duration.parse(DEFAULT_REQUEST_TIMEOUT), true, true,
        Duration.parse(DEFAULT_TIMEOUT));
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
