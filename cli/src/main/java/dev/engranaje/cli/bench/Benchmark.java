package dev.engranaje.cli.bench;

import dev.engranaje.engine.Engine;
import dev.engranaje.engine.EngineOptions;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the bench phases. In process: startup on an empty data directory, a warm-up, the throughput
 * run, the low-rate run, the message run, a restart with waiting instances, and a child-process
 * startup, each engine
 * durable (SQLite in a temporary directory, removed afterwards). Against a remote engine: the warm-up
 * and the throughput run only. Not thread-safe; one run at a time.
 */
public final class Benchmark {
  private static final Logger LOG = LoggerFactory.getLogger(Benchmark.class);

  private final BenchSettings settings;

  public Benchmark(BenchSettings settings) {
    this.settings = settings;
  }

  /** Runs every phase against embedded engines started here. */
  public BenchReport runInProcess() throws Exception {
    Path root = Files.createTempDirectory("engranaje-bench-");
    try {
      EngineProbes.warmUp();
      long started = System.nanoTime();
      Engine engine = Engine.start(engineOptions(root.resolve("throughput")));
      double engineStartMs = millisSince(started);
      EngineProbes.awaitTopology(engine.restAddress(), settings.timeout());
      double topologyMs = millisSince(started);
      BenchReport.Throughput throughput;
      BenchReport.LowRate lowRate;
      try (engine) {
        BenchProbe probe = new BenchProbe();
        engine.addExporter(probe);
        try (CamundaClient client = newClient(engine); BenchWorkers workers = new BenchWorkers(client, settings, probe)) {
          deploy(client, BenchModels.pipeline());
          throughput = throughput(client, workers, probe, probe::expectCompletedInstances);
          lowRate = lowRate(client, workers, probe);
        }
      }
      BenchReport.MessageCorrelation messages = settings.messageInstances() == 0 ? null
          : messageCorrelation(root.resolve("messages"));
      BenchReport.Recovery recovery = settings.recoveryInstances() == 0 ? null : recovery(root.resolve("recovery"));
      Double processReadyMs = settings.processStartup() ? processStartup(root.resolve("process")) : null;
      return new BenchReport(BenchReport.Machine.current(), mode("in-process"), settings, throughput, lowRate,
          messages, new BenchReport.Startup(engineStartMs, topologyMs, processReadyMs), recovery);
    } finally {
      deleteRecursively(root);
    }
  }

  /** Runs the warm-up and the throughput run against an engine that is already running. */
  public BenchReport runAgainst(CamundaClient client, String address) throws Exception {
    try (BenchWorkers workers = new BenchWorkers(client, settings, null)) {
      deploy(client, BenchModels.pipeline());
      BenchReport.Throughput throughput = throughput(client, workers, null, workers::expectCompletedInstances);
      return new BenchReport(BenchReport.Machine.current(), "remote engine at " + address, settings, throughput, null,
          null, null, null);
    }
  }

  private BenchReport.Throughput throughput(CamundaClient client, BenchWorkers workers, BenchProbe probe,
      LongFunction<CountDownLatch> completions) throws Exception {
    LoadDriver driver = new LoadDriver(client);
    if (settings.warmupInstances() > 0) {
      LOG.info("Warming up with {} instances", settings.warmupInstances());
      runWindowed(driver, settings.warmupInstances(), completions);
    }
    int instances = settings.instances();
    LatencyRecorder latency = new LatencyRecorder(instances * BenchModels.PIPELINE_JOB_TYPES.size());
    workers.recordLatencyInto(latency);
    long recordsBefore = probe == null ? 0 : probe.records();
    long failedCompletionsBefore = workers.failedCompletions();
    LOG.info("Throughput run: {} instances, {} creates in flight", instances, settings.creators());
    long started = System.nanoTime();
    long failedCreates = runWindowed(driver, instances, completions);
    double seconds = (System.nanoTime() - started) / 1e9;
    Long records = probe == null ? null : probe.records() - recordsBefore;
    return new BenchReport.Throughput(instances, failedCreates, workers.failedCompletions() - failedCompletionsBefore,
        seconds, (instances - failedCreates) / seconds, records, records == null ? null : records / seconds,
        probe == null ? null : latency.summary());
  }

  private long runWindowed(LoadDriver driver, int instances, LongFunction<CountDownLatch> completions)
      throws Exception {
    CountDownLatch completed = completions.apply(instances);
    long failedCreates = driver.createWindowed(BenchModels.PIPELINE, instances, settings.creators());
    for (long i = 0; i < failedCreates; i++) {
      completed.countDown();
    }
    await(completed, instances + " instances to complete");
    return failedCreates;
  }

  private BenchReport.LowRate lowRate(CamundaClient client, BenchWorkers workers, BenchProbe probe) throws Exception {
    int instances = settings.lowRateInstances();
    if (instances == 0) {
      return null;
    }
    LOG.info("Low-rate run: {} instances at {}/s", instances, settings.lowRatePerSecond());
    LatencyRecorder latency = new LatencyRecorder(instances * BenchModels.PIPELINE_JOB_TYPES.size());
    workers.recordLatencyInto(latency);
    CountDownLatch completed = probe.expectCompletedInstances(instances);
    long failedCreates = new LoadDriver(client).createPaced(BenchModels.PIPELINE, instances,
        settings.lowRatePerSecond(), settings.timeout().toMillis());
    for (long i = 0; i < failedCreates; i++) {
      completed.countDown();
    }
    await(completed, instances + " paced instances to complete");
    return new BenchReport.LowRate(instances, settings.lowRatePerSecond(), failedCreates, latency.summary());
  }

  /**
   * Instances wait at a message catch event, instance i for correlation key "order-i"; once every
   * subscription is open, one message per key is published, carrying the amount paid.
   */
  private BenchReport.MessageCorrelation messageCorrelation(Path dataDirectory) throws Exception {
    int instances = settings.messageInstances();
    LOG.info("Message run: {} instances waiting at a message catch event", instances);
    try (Engine engine = Engine.start(engineOptions(dataDirectory))) {
      BenchProbe probe = new BenchProbe();
      engine.addExporter(probe);
      try (CamundaClient client = newClient(engine)) {
        deploy(client, BenchModels.messageCatch());
        long started = System.nanoTime();
        CountDownLatch opened = probe.expectOpenedSubscriptions(instances);
        long failed = new LoadDriver(client).createWindowed(BenchModels.MESSAGE_CATCH, instances, settings.creators(),
            i -> Map.of(BenchModels.CORRELATION_VARIABLE, orderId(i)));
        if (failed > 0) {
          throw new IllegalStateException("Expected all " + instances + " instances waiting for a message to be "
              + "created, but " + failed + " failed");
        }
        await(opened, instances + " message subscriptions to open");
        double waitingSeconds = (System.nanoTime() - started) / 1e9;
        LOG.info("Message run: publishing {} messages, {} in flight", instances, settings.creators());
        LatencyRecorder latency = new LatencyRecorder(instances);
        CountDownLatch completed = probe.expectCompletedInstances(instances);
        long cpuBefore = ProcessCpu.nanos();
        started = System.nanoTime();
        long failedPublications = new MessagePublisher(client).publishWindowed(BenchModels.MESSAGE_NAME, instances,
            settings.creators(), Benchmark::orderId, i -> Map.of("paidAmount", i), latency);
        for (long i = 0; i < failedPublications; i++) {
          completed.countDown();
        }
        await(completed, instances + " instances to complete on their message");
        double seconds = (System.nanoTime() - started) / 1e9;
        long cpuNanos = ProcessCpu.nanos() - cpuBefore;
        long correlated = probe.correlatedSubscriptions();
        return new BenchReport.MessageCorrelation(instances, waitingSeconds, failedPublications, correlated,
            probe.completedInstances(), seconds, correlated / seconds, latency.summary(),
            cpuBefore < 0 ? null : cpuNanos / 1e6 / instances);
      }
    }
  }

  private static String orderId(int i) {
    return "order-" + i;
  }

  private BenchReport.Recovery recovery(Path dataDirectory) throws Exception {
    int instances = settings.recoveryInstances();
    LOG.info("Recovery: creating {} instances that wait at a service task", instances);
    try (Engine engine = Engine.start(engineOptions(dataDirectory))) {
      BenchProbe probe = new BenchProbe();
      engine.addExporter(probe);
      try (CamundaClient client = newClient(engine)) {
        deploy(client, BenchModels.waiting());
        CountDownLatch created = probe.expectCreatedJobs(instances);
        long failed = new LoadDriver(client).createWindowed(BenchModels.WAITING, instances, settings.creators());
        if (failed > 0) {
          throw new IllegalStateException("Expected all " + instances + " waiting instances to be created, but "
              + failed + " failed");
        }
        await(created, instances + " jobs to be created");
      }
    }
    // a whole-log replay, comparable with runs from before snapshots; `rpa bench recovery` compares it
    // with a recovery from the snapshot the clean stop just wrote
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:"
        + dataDirectory.resolve("engranaje.db").toAbsolutePath());
        Statement statement = connection.createStatement()) {
      statement.execute("DELETE FROM snapshots");
    }
    long started = System.nanoTime();
    try (Engine engine = Engine.start(engineOptions(dataDirectory))) {
      EngineProbes.awaitTopology(engine.restAddress(), settings.timeout());
      double topologyMs = millisSince(started);
      return new BenchReport.Recovery(instances, engine.recovery().records(), engine.recovery().took().toNanos() / 1e6,
          topologyMs);
    }
  }

  private Double processStartup(Path dataDirectory) {
    try {
      return ProcessStartup.measure(dataDirectory, settings.fsync(), settings.timeout());
    } catch (Exception e) {
      LOG.warn("Could not time 'rpa engine start' in a child process; leaving it out: {}", e.toString());
      return null;
    }
  }

  private EngineOptions engineOptions(Path dataDirectory) {
    return EngineOptions.builder().dataDirectory(dataDirectory).port(0).durableCommits(settings.fsync()).build();
  }

  private String mode(String where) {
    return where + ", durable SQLite, " + (settings.fsync() ? "fsync on every commit (synchronous=FULL)"
        : "no fsync (synchronous=NORMAL)");
  }

  private static CamundaClient newClient(Engine engine) {
    return CamundaClient.newClientBuilder().restAddress(engine.restAddress()).grpcAddress(engine.restAddress())
        .preferRestOverGrpc(true).build();
  }

  private static void deploy(CamundaClient client, BpmnModelInstance model) {
    client.newDeployResourceCommand().addProcessModel(model, "engranaje-bench.bpmn").send().join();
  }

  private void await(CountDownLatch latch, String what) throws InterruptedException, TimeoutException {
    if (!latch.await(settings.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
      throw new TimeoutException("Expected " + what + " within " + settings.timeout() + ", but " + latch.getCount()
          + " are still missing");
    }
  }

  private static double millisSince(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e6;
  }

  private static void deleteRecursively(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not remove the bench's temporary directory " + root, e);
    }
  }
}
