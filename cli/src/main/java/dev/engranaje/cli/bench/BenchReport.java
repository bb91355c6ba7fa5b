package dev.engranaje.cli.bench;

import java.util.Locale;

/**
 * What {@code rpa bench} measured. Sections that were not measured (remote engine, skipped) are
 * null; so are figures that need the in-process exporter.
 */
public record BenchReport(
    Machine machine, String mode, BenchSettings settings, Throughput throughput, LowRate lowRate,
    MessageCorrelation messageCorrelation, Startup startup, Recovery recovery) {

  /** The machine and JVM the figures come from. */
  public record Machine(int cores, long maxHeapMb, String java, String os) {
    static Machine current() {
      Runtime runtime = Runtime.getRuntime();
      return new Machine(runtime.availableProcessors(), runtime.maxMemory() / (1024 * 1024),
          System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
          System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
    }
  }

  /** Job activation latency: CREATED committed to the handler invoked, in milliseconds. */
  public record Latency(long samples, double p50Ms, double p90Ms, double p99Ms, double maxMs) {}

  /**
   * The throughput run, first create to last instance completed.
   *
   * @param records records committed in that time; null against a remote engine
   * @param jobActivation null against a remote engine
   */
  public record Throughput(int instances, long failedCreates, long failedCompletions, double seconds,
      double instancesPerSecond, Long records, Double recordsPerSecond, Latency jobActivation) {}

  /** The paced run, where latency is not dominated by queueing. */
  public record LowRate(int instances, int perSecond, long failedCreates, Latency jobActivation) {}

  /**
   * The message run: instances wait at a message catch event, each with its own correlation key,
   * then one message per key is published; first publication to last instance completed.
   *
   * @param waitingSeconds first create until every subscription was open (not part of the rate)
   * @param correlated message subscriptions correlated (one per message when all is well)
   * @param completedInstances instances completed by the end of the run
   * @param publication send to answer of each publication, in milliseconds
   * @param cpuMsPerMessage CPU time of the whole JVM (engine and client) per message over the run;
   *     null where the JVM does not report it
   */
  public record MessageCorrelation(int instances, double waitingSeconds, long failedPublications, long correlated,
      long completedInstances, double seconds, double messagesPerSecond, Latency publication,
      Double cpuMsPerMessage) {}

  /**
   * Startup on an empty data directory.
   *
   * @param engineStartMs {@code Engine.start} call to its return
   * @param topologyMs {@code Engine.start} call to the first {@code GET /v2/topology} answer
   * @param processReadyMs child {@code rpa engine start} process start to its ready line; null if skipped
   */
  public record Startup(double engineStartMs, double topologyMs, Double processReadyMs) {}

  /** A restart with active instances waiting at a service task. */
  public record Recovery(int activeInstances, long recordsReplayed, double replayMs, double topologyMs) {}

  /** A concise, human-readable table. */
  public String toTable() {
    StringBuilder out = new StringBuilder();
    row(out, "machine", machine.cores() + " cores, max heap " + machine.maxHeapMb() + " MB, " + machine.java());
    row(out, "mode", mode);
    if (throughput != null) {
      Throughput t = throughput;
      row(out, "throughput", format("%,.0f instances/s (%,d instances in %.2f s, 3 service tasks each)",
          t.instancesPerSecond(), t.instances(), t.seconds()));
      row(out, "records written", t.recordsPerSecond() == null ? "n/a (remote engine)"
          : format("%,.0f records/s (%,d records)", t.recordsPerSecond(), t.records()));
      row(out, "failures", format("%d creates, %d completions", t.failedCreates(), t.failedCompletions()));
      row(out, "job activation (load)", latency(t.jobActivation()));
    }
    if (lowRate != null) {
      row(out, format("job activation (%d/s)", lowRate.perSecond()), latency(lowRate.jobActivation()));
    }
    if (messageCorrelation != null) {
      MessageCorrelation m = messageCorrelation;
      row(out, "message run setup", format("%,d instances waiting at a message catch event after %.2f s",
          m.instances(), m.waitingSeconds()));
      row(out, "message correlation", format("%,.0f messages/s (%,d correlated, %,d of %,d instances completed in "
          + "%.2f s; %d failed publications)", m.messagesPerSecond(), m.correlated(), m.completedInstances(),
          m.instances(), m.seconds(), m.failedPublications()));
      row(out, "publication latency", format("p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms (%,d messages)",
          m.publication().p50Ms(), m.publication().p90Ms(), m.publication().p99Ms(), m.publication().maxMs(),
          m.publication().samples()));
      row(out, "message CPU (engine+client)", m.cpuMsPerMessage() == null ? "n/a"
          : format("%.3f ms of CPU per message", m.cpuMsPerMessage()));
    }
    if (startup != null) {
      row(out, "startup (in-process)", format("Engine.start %.0f ms, topology answered after %.0f ms",
          startup.engineStartMs(), startup.topologyMs()));
      row(out, "startup (rpa engine start)", startup.processReadyMs() == null ? "skipped"
          : format("%.0f ms from process start to ready line", startup.processReadyMs()));
    }
    if (recovery != null) {
      row(out, "recovery", format("%,d active instances: %,d records replayed in %.0f ms, topology after %.0f ms",
          recovery.activeInstances(), recovery.recordsReplayed(), recovery.replayMs(), recovery.topologyMs()));
    }
    return out.toString();
  }

  private static String latency(Latency latency) {
    if (latency == null) {
      return "n/a (needs the in-process exporter)";
    }
    return format("p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms (%,d jobs)", latency.p50Ms(), latency.p90Ms(),
        latency.p99Ms(), latency.maxMs(), latency.samples());
  }

  private static void row(StringBuilder out, String name, String value) {
    out.append(format("%-28s %s%n", name, value));
  }

  private static String format(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
