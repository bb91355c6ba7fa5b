package dev.engranaje.engine;

import dev.engranaje.engine.api.rest.RestServer;
import dev.engranaje.engine.decision.DecisionEngine;
import dev.engranaje.engine.expression.ExpressionLanguage;
import dev.engranaje.engine.gateway.EngineGateway;
import dev.engranaje.engine.gateway.Topology;
import dev.engranaje.engine.model.ProcessTransformer;
import dev.engranaje.engine.gateway.EngineHealth;
import dev.engranaje.engine.history.HistoryRetention;
import dev.engranaje.engine.history.HistorySearch;
import dev.engranaje.engine.metrics.EngineMetrics;
import dev.engranaje.engine.processing.CommandProcessor;
import dev.engranaje.engine.processing.FatalFailure;
import dev.engranaje.engine.processing.Quarantine;
import dev.engranaje.engine.processing.Processing;
import dev.engranaje.engine.processing.ProcessingGateway;
import dev.engranaje.engine.processing.ProcessorHooks;
import dev.engranaje.engine.processing.RecordWriter;
import dev.engranaje.engine.processing.deployment.BpmnResourceReader;
import dev.engranaje.engine.processing.deployment.DeploymentPreparer;
import dev.engranaje.engine.processing.deployment.ProcessLoader;
import dev.engranaje.engine.snapshot.SnapshotScheduler;
import dev.engranaje.engine.snapshot.StateRecovery;
import dev.engranaje.engine.snapshot.StateSnapshot;
import dev.engranaje.engine.state.EngineState;
import dev.engranaje.engine.state.SnapshotContext;
import dev.engranaje.engine.state.EventApplier;
import dev.engranaje.engine.storage.DataDirectory;
import dev.engranaje.engine.storage.RecordLog;
import dev.engranaje.engine.storage.SqliteRecordLog;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded, Zeebe-compatible engine: storage, the single-writer processor and (optionally) the
 * REST API. Start with {@link #start(EngineOptions)}; close to stop. Thread-safe.
 *
 * <p>A durable engine owns its data directory exclusively (a second engine on it fails at start).
 * A fatal error on the processor or the log writer stops it from accepting commands (they answer
 * 503); {@link #failure()} completes with what failed, after the fatal-error marker that the
 * quarantine reads on the next start is written. {@link #health()} is the readiness; {@link
 * #close()} works in every state.
 */
public final class Engine implements AutoCloseable {
  public static final String VERSION = "8.9.0";
  private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
  private static final long RETENTION_INTERVAL_SECONDS = 60;

  private final EngineOptions options;
  private final CommandProcessor processor;
  private final EngineGateway gateway;
  private final RestServer restServer;
  private final RecoveryReport recovery;
  private final DataDirectory dataDirectory;
  private final Quarantine quarantine;
  private final Optional<DataDirectory.FatalMarker> previousFailure;
  private final CompletableFuture<FatalFailure> failure;
  private final HistorySearch history = new HistorySearch();
  private final EngineMetrics metrics;
  private volatile SqliteRecordLog historyLog;
  private final SnapshotScheduler snapshots;
  private final ScheduledExecutorService retention = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "engranaje-history-retention");
    thread.setDaemon(true);
    return thread;
  });

  /** What recovery found and how long the whole start took. */
  /**
   * What recovery found and how long the whole start took.
   *
   * @param records events replayed (after the snapshot, when one was used)
   * @param snapshotPosition the log position of the snapshot recovery started from, 0 for a full replay
   */
  public record RecoveryReport(long records, long activeElementInstances, Duration took, long snapshotPosition) {}

  private Engine(EngineOptions options) {
    long started = System.nanoTime();
    this.options = options;
    this.dataDirectory = options.inMemory() ? null : DataDirectory.acquire(options.dataDirectory(), options.clock().instant());
    this.previousFailure = dataDirectory == null ? Optional.empty() : dataDirectory.fatalMarker();
    this.quarantine = previousFailure.filter(marker -> marker.count() >= Quarantine.THRESHOLD)
        .map(marker -> new Quarantine(Set.of(marker.workId()), marker.error(), options.observer()))
        .orElseGet(() -> Quarantine.none(options.observer()));
    // FEEL (Scala) and the BPMN model API take most of a cold start: warm them up on another
    // core while the database opens; only replaying or deploying a model has to wait for them.
    ExpressionLanguage language = new ExpressionLanguage(options.clock(), options.limits().feel());
    DecisionEngine decisionEngine = new DecisionEngine(options.clock(), options.limits().feel());
    Thread warmUp = new Thread(() -> warmUp(language), "engranaje-warm-up");
    warmUp.setDaemon(true);
    warmUp.start();
    BpmnResourceReader reader = new ValidatingResourceReader(options.limits().model());
    AtomicLong replayed = new AtomicLong();
    AtomicLong activeElementInstances = new AtomicLong();
    AtomicLong snapshotPosition = new AtomicLong();
    this.snapshots = new SnapshotScheduler(options.snapshots(), options.clock(), retention,
        () -> options.clock().millis() - options.historyRetention().toMillis());
    Supplier<RecordLog> openLog = () -> {
      try {
        SqliteRecordLog log = options.inMemory() ? SqliteRecordLog.inMemory()
            : SqliteRecordLog.open(options.dataDirectory(), options.durableCommits());
        log.observeMaintenance(options.maintenanceObserver());
        history.attach(log.historyReads());
        historyLog = log;
        return log;
      } catch (RuntimeException e) {
        history.failed(e);
        throw e;
      }
    };
    this.processor = new CommandProcessor(openLog, (log, hooks) -> {
      ProcessTransformer transformer = new ProcessTransformer(language);
      ProcessLoader loader = new ProcessLoader(transformer);
      StateRecovery.Result recovered = new StateRecovery().recover(log, () -> {
        EngineState fresh = new EngineState();
        return new StateRecovery.Target(fresh, new EventApplier(fresh, loader::load));
      }, new SnapshotContext(loader::load));
      EngineState state = recovered.target().state();
      EventApplier applier = recovered.target().applier();
      replayed.set(recovered.replayed());
      snapshotPosition.set(recovered.snapshotPosition());
      snapshots.recoveredAt(recovered.snapshotPosition());
      activeElementInstances.set(state.elementInstances().size());
      RecordWriter writer = new RecordWriter(applier, options.clock(), log.lastPosition());
      return new Processing(new Processing.Dependencies(state, writer, options.clock(), language, decisionEngine,
          transformer, loader, reader, hooks));
    }, quarantine, options.observer());
    if (!options.inMemory()) {
      processor.snapshotWith(snapshots);
    }
    this.failure = processor.failure().thenApply(this::recordFailure);
    this.metrics = new EngineMetrics(options.clock(), history, processor::committedPosition,
        options.inMemory() ? null : options.dataDirectory().resolve(SqliteRecordLog.DATABASE_FILE));
    processor.addExporter(metrics::observe);
    DeploymentPreparer preparer =
        new DeploymentPreparer(reader, new ProcessTransformer(language), options.limits().maxDeploymentBytes());
    this.gateway = new LimitCheckingGateway(new ProcessingGateway(processor, this::topology, preparer),
        options.limits());
    // the REST API accepts at once; requests that arrive while the log is opened and the state
    // recovered wait in the processor's queue
    RestServer server = null;
    try {
      server = options.restEnabled() ? RestServer.start(gateway, history, metrics, options.host(), options.port(),
          options.serverLimits(), options.apiAccess()) : null;
    } catch (RuntimeException e) {
      if (dataDirectory != null) {
        dataDirectory.close();
      }
      throw e;
    }
    this.restServer = server;
    try {
      processor.start().join();
    } catch (CompletionException e) {
      close();
      throw new IllegalStateException("Expected to recover the engine state from the log, but failed: "
          + e.getCause().getMessage(), e.getCause());
    }
    retention.scheduleWithFixedDelay(this::removeExpiredHistoryQuietly, RETENTION_INTERVAL_SECONDS,
        RETENTION_INTERVAL_SECONDS, TimeUnit.SECONDS);
    this.recovery = new RecoveryReport(replayed.get(), activeElementInstances.get(),
        Duration.ofNanos(System.nanoTime() - started), snapshotPosition.get());
    LOG.info("Engine started ({}), recovered {} records{} in {} ms{}", options.inMemory() ? "in memory" : options.dataDirectory(),
        recovery.records(), recovery.snapshotPosition() > 0 ? " after the snapshot at position "
        + recovery.snapshotPosition() : "", recovery.took().toMillis(), restServer == null ? "" : ", REST API at " + restServer.address());
  }

  private static void warmUp(ExpressionLanguage language) {
    language.warmUp();
    ValidatingResourceReader.warmUp();
    io.camunda.zeebe.model.bpmn.Bpmn.createExecutableProcess("warm-up").startEvent().endEvent().done();
  }

  /** Starts an engine, recovering all state from the data directory when there is one. */
  public static Engine start(EngineOptions options) {
    return new Engine(options);
  }

  /** The command surface, for in-process callers and the REST API. */
  public EngineGateway gateway() {
    return gateway;
  }

  /** The REST API's base address, e.g. {@code http://127.0.0.1:8080}. */
  public URI restAddress() {
    if (restServer == null) {
      throw new IllegalStateException("Expected the REST API to be enabled, but this engine was started without it");
    }
    return restServer.address();
  }

  /** Adds an exporter that sees every committed batch of records (see {@link CommandProcessor#addExporter}). */
  public void addExporter(java.util.function.Consumer<java.util.List<dev.engranaje.engine.record.Record>> exporter) {
    processor.addExporter(exporter);
  }

  /**
   * What the engine has left to do, answered after every command submitted before this call was
   * processed and its records were stored and exported. A harness that sees no due work, no job it
   * serves and no timer it wants to skip to knows the engine is idle.
   */
  public CompletableFuture<EngineActivity> activity() {
    return processor.submit((processing, reply) -> reply.complete(processing.activity()));
  }

  /**
   * The engine state as a snapshot would hold it, as of the last processed command: for tests and
   * diagnostics (comparing recoveries), not for storing.
   */
  public CompletableFuture<StateSnapshot> captureState() {
    return processor.submit((processing, reply) -> reply.complete(
        StateSnapshot.capture(processing.state(), processor.committedPosition(), snapshots.finishedSince())));
  }

  public RecoveryReport recovery() {
    return recovery;
  }

  public EngineOptions options() {
    return options;
  }

  /**
   * Completes when a fatal error stopped the engine (after the fatal-error marker is written);
   * never completes on a clean run. An owner such as {@code rpa engine start} exits non-zero then, so
   * that a supervisor restarts the engine.
   */
  public CompletableFuture<FatalFailure> failure() {
    return failure;
  }

  /** The engine's Prometheus metrics (what {@code GET /metrics} serves). */
  public EngineMetrics metrics() {
    return metrics;
  }

  /** Searches over the history store (what the REST API's searches, gets and statistics read). */
  public HistorySearch history() {
    return history;
  }

  /**
   * Removes from the history, now, every finished instance that ended longer ago than {@link
   * EngineOptions#historyRetention()} (by the engine clock), batch by batch, then compacts from the
   * record log what no state and no history needs any more (see docs/engine/snapshots.md); the
   * engine does this by itself every minute.
   *
   * @return how many root instances were removed
   */
  public int removeExpiredHistory() {
    SqliteRecordLog log = historyLog;
    if (log == null) {
      return 0;
    }
    long cutoff = options.clock().millis() - options.historyRetention().toMillis();
    int total = 0;
    int removed;
    do {
      removed = log.removeFinishedHistory(cutoff, HistoryRetention.BATCH);
      total += removed;
    } while (removed == HistoryRetention.BATCH && !retention.isShutdown());
    snapshots.compact(log);
    return total;
  }

  private void removeExpiredHistoryQuietly() {
    try {
      int removed = removeExpiredHistory();
      if (removed > 0) {
        LOG.info("Removed {} finished process instances older than {} from the history", removed,
            options.historyRetention());
      }
    } catch (RuntimeException e) {
      LOG.warn("Could not remove finished instances from the history; trying again in a minute", e);
    }
  }

  /** Readiness now: the processor, the log writer and the storage. */
  public EngineHealth health() {
    return processor.health();
  }

  /** What the previous run recorded when a fatal error stopped it, if it did. */
  public Optional<DataDirectory.FatalMarker> previousFailure() {
    return previousFailure;
  }

  /**
   * The quarantine of this run: what it will not run again ({@link Quarantine#isQuarantined}), what
   * it skipped so far ({@link Quarantine#reports()}) and a listener for each skip.
   */
  public Quarantine quarantine() {
    return quarantine;
  }

  /** How many records the log holds (the position of the last committed record). */
  public long committedRecords() {
    return processor.committedPosition();
  }

  private FatalFailure recordFailure(FatalFailure failed) {
    if (dataDirectory != null && CommandProcessor.PROCESSOR.equals(failed.thread())) {
      String workId = quarantine.currentId();
      int count = previousFailure.filter(marker -> marker.workId().equals(workId)).map(marker -> marker.count() + 1)
          .orElse(1);
      try {
        dataDirectory.writeFatalMarker(new DataDirectory.FatalMarker(workId, failed.work(),
            failed.error().getClass().getName(), count, options.clock().instant()));
      } catch (RuntimeException e) {
        LOG.error("Could not record the fatal error for the quarantine", e);
      }
    }
    return failed;
  }

  private Topology topology() {
    return new Topology(options.host(), restServer == null ? options.port() : restServer.port(), VERSION,
        processor.health());
  }

  /** Stops serving, drains and commits what was processed, closes the log and releases the data directory. */
  @Override
  public synchronized void close() {
    retention.shutdownNow();
    try {
      retention.awaitTermination(10, TimeUnit.SECONDS); // a snapshot or compaction batch in flight ends first
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (restServer != null) {
      restServer.close();
    }
    processor.close();
    history.close();
    if (dataDirectory != null) {
      if (!failure.isDone()) {
        dataDirectory.clearFatalMarker(); // a clean stop: nothing killed this run
      }
      dataDirectory.close();
    }
  }
}
