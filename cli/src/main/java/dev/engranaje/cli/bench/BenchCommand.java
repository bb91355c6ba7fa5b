package dev.engranaje.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.engranaje.cli.ConnectionOptions;
import io.camunda.client.CamundaClient;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rpa bench}: measure this machine with the official client's workers over loopback. */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = {ReconcileBenchCommand.class, RecoveryBenchCommand.class},
    description = {"Measure throughput, job activation latency, message correlation, startup and recovery of the "
        + "embedded engine.",
        "Runs durable engines (SQLite in a temporary directory) driven by the official Camunda client's workers "
            + "over loopback REST. With --address, runs only the throughput test against an engine already running."})
public final class BenchCommand implements Callable<Integer> {
  @Option(names = "--instances", paramLabel = "N", defaultValue = BenchSettings.DEFAULT_INSTANCES,
      description = "Instances in the throughput run, each start -> 3 service tasks -> end (default: ${DEFAULT-VALUE}).")
  int instances;

  @Option(names = "--warmup", paramLabel = "N", defaultValue = BenchSettings.DEFAULT_WARMUP,
      description = "Instances run first, unmeasured, to warm the JIT (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--creators", paramLabel = "N", defaultValue = BenchSettings.DEFAULT_CREATORS,
      description = "Create requests (and, in the message run, publications) kept in flight at once "
          + "(default: ${DEFAULT-VALUE}).")
  int creators;

  @Option(names = "--low-rate-instances", paramLabel = "N", defaultValue = BenchSettings.DEFAULT_LOW_RATE_INSTANCES,
      description = "Instances in the paced latency run, below saturation; 0 skips it (default: ${DEFAULT-VALUE}).")
  int lowRateInstances;

  @Option(names = "--low-rate", paramLabel = "N", defaultValue = BenchSettings.DEFAULT_LOW_RATE,
      description = "Instances per second in the paced latency run (default: ${DEFAULT-VALUE}).")
  int lowRate;

  @Option(names = "--recovery-instances", paramLabel = "N", defaultValue = BenchSettings.DEFAULT_RECOVERY_INSTANCES,
      description = "Active instances waiting at a service task before the recovery restart; 0 skips it "
          + "(default: ${DEFAULT-VALUE}).")
  int recoveryInstances;

  @Option(names = "--message-instances", paramLabel = "N", defaultValue = BenchSettings.DEFAULT_MESSAGE_INSTANCES,
      description = "Instances waiting at a message catch event, each with its own correlation key, before as many "
          + "messages are published; 0 skips it (default: ${DEFAULT-VALUE}).")
  int messageInstances;

  @Option(names = "--max-jobs-active", paramLabel = "N", defaultValue = BenchSettings.DEFAULT_MAX_JOBS_ACTIVE,
      description = "Each worker's maxJobsActive (default: ${DEFAULT-VALUE}).")
  int maxJobsActive;

  @Option(names = "--poll-interval", paramLabel = "DURATION", defaultValue = BenchSettings.DEFAULT_POLL_INTERVAL,
      description = "Each worker's pollInterval (ISO-8601, default: ${DEFAULT-VALUE}).")
  Duration pollInterval;

  @Option(names = "--request-timeout", paramLabel = "DURATION", defaultValue = BenchSettings.DEFAULT_REQUEST_TIMEOUT,
      description = "Each worker's long-poll requestTimeout (ISO-8601, default: ${DEFAULT-VALUE}).")
  Duration requestTimeout;

  @Option(names = "--no-fsync", description = "Commit without fsync (SQLite synchronous=NORMAL), to compare.")
  boolean noFsync;

  @Option(names = "--no-process-startup", description = "Skip timing 'rpa engine start' in a child process.")
  boolean noProcessStartup;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = BenchSettings.DEFAULT_TIMEOUT,
      description = "Give up when one phase takes longer (ISO-8601, default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(names = "--json", description = "Print the report as JSON instead of a table.")
  boolean json;

  @Mixin ConnectionOptions connection;

  @Override
  public Integer call() throws Exception {
    BenchReport report = run();
    if (json) {
      System.out.println(jsonWriter().writeValueAsString(report));
    } else {
      System.out.print(report.toTable());
    }
    return 0;
  }

  /** Runs the bench these options describe (in process unless {@code --address} is given). */
  BenchReport run() throws Exception {
    Benchmark benchmark = new Benchmark(settings());
    if (connection.address() == null) {
      return benchmark.runInProcess();
    }
    try (CamundaClient client = connection.newClient()) {
      return benchmark.runAgainst(client, connection.address());
    }
  }

  BenchSettings settings() {
    return new BenchSettings(instances, warmup, creators, lowRateInstances, lowRate, recoveryInstances, messageInstances,
        maxJobsActive, pollInterval, requestTimeout, !noFsync, !noProcessStartup, timeout);
  }

  static ObjectMapper jsonWriter() {
    return new ObjectMapper().registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);
  }
}
