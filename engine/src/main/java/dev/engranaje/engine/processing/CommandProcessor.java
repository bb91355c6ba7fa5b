package dev.engranaje.engine.processing;

import dev.engranaje.engine.gateway.EngineHealth;
import dev.engranaje.engine.gateway.Rejection;
import dev.engranaje.engine.gateway.RejectionType;
import dev.engranaje.engine.storage.StorageFailure;
import dev.engranaje.engine.record.Record;
import dev.engranaje.engine.storage.RecordLog;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;
import dev.engranaje.engine.snapshot.SnapshotScheduler;
import dev.engranaje.engine.snapshot.StateSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer. One thread takes commands from a queue in batches (up to {@value #MAX_BATCH}),
 * runs each with all its follow-up work, and runs due time-based work (timeouts, backoffs, timers,
 * message expiry). Nothing else touches the state, so element behaviour needs no locks.
 *
 * <p>Each batch's records then go to the log writer thread, which stores every batch waiting for it
 * in one transaction (group commit: while one fsync runs, the next batches gather) and only then
 * releases those batches' replies and feeds the exporters. The processor goes on with the next
 * batch meanwhile (at most {@value #BATCHES_IN_FLIGHT} batches wait to be stored), so encoding and
 * fsync do not stall processing. Replies leave in batch order, so no answer ever reflects state
 * that is not yet stored.
 *
 * <p>If a command fails unexpectedly with a {@link RuntimeException} (a bug), its records are
 * discarded, the batch so far is committed, and the state is rebuilt from the log, so a half-applied
 * command never survives; that command answers 500 and the engine stays up.
 *
 * <p>Any other {@link Throwable} on either thread ({@link StackOverflowError}, {@link
 * OutOfMemoryError}, a failure of recovery or of an exporter) is fatal: the failing work's records
 * are discarded, what was complete before it is still committed, every waiting and every new command
 * answers 503 at once ({@link RejectionType#UNAVAILABLE}), readiness goes down and {@link
 * #failure()} completes, so the owner can exit and a supervisor restart the engine.
 *
 * <p>If the log cannot be written because of the storage ({@link StorageFailure}: disk full, I/O
 * error), the batches that were not stored answer 507 or 503, readiness goes down, and the
 * processor stops processing, answers every command at once with the same status, and probes the
 * storage every {@value #STORAGE_PROBE_MILLIS} ms. Once a write succeeds, it rebuilds the state
 * from the log (so nothing of the refused batches stays in memory) and resumes by itself.
 */
public final class CommandProcessor implements AutoCloseable {
  /** The processor thread's name in {@link FatalFailure#thread()}. */
  public static final String PROCESSOR = "processor";
  /** The log writer thread's name in {@link FatalFailure#thread()}. */
  public static final String LOG_WRITER = "log writer";
  static final String DISK_FULL = "Expected to store the result, but the disk holding the data directory is full"
      + " (%s); nothing of this request was applied. Free space there: the engine retries every second"
      + " and resumes by itself";
  static final String STORAGE_ERROR = "Expected to store the result, but the storage failed (%s); nothing of this"
      + " request was applied. Check the disk holding the data directory: the engine retries every second and"
      + " resumes by itself";
  static final String STOPPED = "Expected a running engine, but it stopped: %s";
  private static final Logger LOG = LoggerFactory.getLogger(CommandProcessor.class);
  private static final int MAX_BATCH = 2_000;
  private static final int BATCHES_IN_FLIGHT = 256;
  /** Upper bound on idle waits, so a moved test clock is noticed quickly. */
  private static final long MAX_IDLE_WAIT_MILLIS = 50;
  static final long STORAGE_PROBE_MILLIS = 1_000;

  private record Pending<T>(Command<T> command, Reply<T> reply) {}

  /** A processed batch waiting to be stored, with the answers it releases. */
  /** A batch of records and its answers; {@code snapshot} (or null) is the state as of its last record. */
  private record Batch(List<Record> records, List<PendingAnswer> answers, StateSnapshot snapshot) {}

  private final LinkedBlockingQueue<Pending<?>> inbox = new LinkedBlockingQueue<>();
  private final Supplier<RecordLog> logOpener;
  private final BiFunction<RecordLog, ProcessorHooks, Processing> recovery;
  private volatile RecordLog log;
  private final ProcessorHooks hooks;
  private final ProcessingObserver observer;
  private final List<PendingAnswer> afterCommit = new ArrayList<>();
  private final List<Consumer<List<Record>>> exporters = new CopyOnWriteArrayList<>();
  private final LinkedBlockingQueue<Batch> toStore = new LinkedBlockingQueue<>();
  private final Thread logWriter = daemon(this::writeLog, "engranaje-log-writer");
  private final Semaphore batchesInFlight = new Semaphore(BATCHES_IN_FLIGHT);
  private final Thread thread;
  private final CompletableFuture<Void> ready = new CompletableFuture<>();
  private final CompletableFuture<FatalFailure> failure = new CompletableFuture<>();
  private final AtomicReference<FatalFailure> fatal = new AtomicReference<>();
  private volatile boolean running = true;
  private volatile boolean closed;
  private volatile StorageFailure storageFailure;
  private Processing processing;
  private volatile SnapshotScheduler snapshots;
  private int unitMark;
  private int unitAnswersMark;

  /**
   * @param logOpener opens the record log; called on the processor thread when it starts, so a
   *     slow open (native library, large database) does not delay accepting requests
   * @param recovery builds the processing state by replaying the log; called when the processor
   *     thread starts, after an unexpected failure and when the storage works again
   * @param quarantine tracks the current work and what is quarantined
   * @param observer sees each unit of work (a seam for tests)
   */
  public CommandProcessor(Supplier<RecordLog> logOpener, BiFunction<RecordLog, ProcessorHooks, Processing> recovery,
      Quarantine quarantine, ProcessingObserver observer) {
    this.logOpener = logOpener;
    this.recovery = recovery;
    this.hooks = new ProcessorHooks(quarantine);
    this.observer = observer;
    this.thread = daemon(this::run, "engranaje-processor");
  }

  /**
   * Starts the processor thread, which first recovers the state from the log. Commands submitted
   * before recovery ends wait in the queue.
   *
   * @return completes when recovery is done (exceptionally if it failed)
   */
  public CompletableFuture<Void> start() {
    thread.start();
    logWriter.start();
    return ready;
  }

  /**
   * Makes the processor snapshot its state as the scheduler decides, and on a clean stop. Call
   * before {@link #start()}.
   */
  public void snapshotWith(SnapshotScheduler scheduler) {
    this.snapshots = scheduler;
  }

  public <T> CompletableFuture<T> submit(Command<T> command) {
    Reply<T> reply = new Reply<>(this);
    FatalFailure stoppedBy = fatal.get();
    StorageFailure storage = storageFailure;
    if (stoppedBy != null) {
      reply.failNow(unavailable(stoppedBy));
    } else if (closed || !running) {
      reply.failNow(new Rejection(RejectionType.UNAVAILABLE, String.format(STOPPED, "it is shutting down")));
    } else if (storage != null) {
      reply.failNow(storageRejection(storage));
    } else {
      inbox.add(new Pending<>(command, reply));
    }
    return reply.future();
  }

  /**
   * Registers an exporter: it sees every committed batch of records, in order, on the log writer
   * thread, so it must be quick and must not block.
   */
  public void addExporter(Consumer<List<Record>> exporter) {
    exporters.add(exporter);
  }

  /** Completes when a fatal error stopped the engine; never completes on a clean run. */
  public CompletableFuture<FatalFailure> failure() {
    return failure;
  }

  /** The readiness of the processor, the log writer and the storage, now. */
  public EngineHealth health() {
    FatalFailure stoppedBy = fatal.get();
    EngineHealth.Component processorHealth = EngineHealth.Component.UP;
    EngineHealth.Component logWriterHealth = EngineHealth.Component.UP;
    if (stoppedBy != null) {
      EngineHealth.Component down = EngineHealth.Component.down(stoppedBy.message());
      if (PROCESSOR.equals(stoppedBy.thread())) {
        processorHealth = down;
      } else {
        logWriterHealth = down;
        processorHealth = EngineHealth.Component.down("stopped because the log writer failed");
      }
    } else if (closed || !running) {
      processorHealth = EngineHealth.Component.down("stopped");
    } else if (!ready.isDone()) {
      processorHealth = EngineHealth.Component.down("recovering the state from the log");
    }
    StorageFailure storage = storageFailure;
    EngineHealth.Component storageHealth = storage == null ? EngineHealth.Component.UP
        : EngineHealth.Component.down(storageRejection(storage).getMessage());
    return new EngineHealth(processorHealth, logWriterHealth, storageHealth);
  }

  /** The position of the last stored record: how many records the log holds. */
  public long committedPosition() {
    RecordLog current = log;
    return current == null ? 0 : current.lastPosition();
  }

  void afterCommit(PendingAnswer answer) {
    afterCommit.add(answer);
  }

  private void run() {
    try {
      log = logOpener.get();
      observer.logOpened(log);
      processing = recovery.apply(log, hooks);
      ready.complete(null);
    } catch (Throwable e) {
      LOG.error("The engine could not recover its state from the log", e);
      running = false;
      ready.completeExceptionally(e);
      stop(new FatalFailure(PROCESSOR, "recovery", e));
      return;
    }
    List<Pending<?>> batch = new ArrayList<>(MAX_BATCH);
    Pending<?> current = null;
    try {
      while (running) {
        if (storageFailure != null) {
          waitForStorage();
          continue;
        }
        long wait = Math.max(1, Math.min(MAX_IDLE_WAIT_MILLIS, processing.millisUntilNextDueWork()));
        Pending<?> first = inbox.poll(wait, TimeUnit.MILLISECONDS);
        if (first != null) {
          batch.add(first);
          inbox.drainTo(batch, MAX_BATCH - 1);
        }
        for (Pending<?> pending : batch) {
          current = pending;
          execute(pending);
        }
        current = null;
        batch.clear();
        runGuarded(() -> processing.runDueWork(hooks));
        commit();
      }
      FatalFailure stoppedBy = fatal.get();
      if (stoppedBy != null) {
        stop(stoppedBy); // the log writer failed
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Throwable e) {
      FatalFailure failed = new FatalFailure(PROCESSOR, hooks.quarantine().currentDescription(), e);
      try {
        LOG.error("{}", failed.message(), e);
      } catch (Throwable logging) {
        // out of memory even for the log line: the failure future still carries it
      }
      running = false;
      if (fatal.compareAndSet(null, failed)) {
        keepWhatWasComplete(current, failed, batch);
      }
      stop(failed);
    }
  }

  /**
   * After a fatal error in one unit of work: drops its records and answers, answers it and the rest
   * of the batch 503, and hands what earlier units of the batch completed to the log writer.
   */
  private void keepWhatWasComplete(Pending<?> current, FatalFailure failed, List<Pending<?>> batch) {
    try {
      processing.writer().rollbackTo(unitMark);
      Rejection unavailable = unavailable(failed);
      List<PendingAnswer> dropped = new ArrayList<>(afterCommit.subList(unitAnswersMark, afterCommit.size()));
      afterCommit.subList(unitAnswersMark, afterCommit.size()).clear();
      if (current != null) {
        current.reply().failNow(unavailable);
      }
      dropped.forEach(answer -> answer.fail().accept(unavailable));
      batch.forEach(pending -> pending.reply().failNow(unavailable));
      commit();
    } catch (Throwable again) {
      LOG.error("Could not hand the completed part of the batch to the log writer", again);
    }
  }

  /** Marks the engine failed (first failure wins), answers everything waiting and tells the owner. */
  private void fail(FatalFailure failed) {
    running = false;
    if (fatal.compareAndSet(null, failed)) {
      LOG.error("{}", failed.message(), failed.error());
    }
  }

  /** The processor thread's exit after a fatal error: answers everything still waiting. */
  private void stop(FatalFailure failed) {
    fatal.compareAndSet(null, failed);
    FatalFailure first = fatal.get();
    failQueued(unavailable(first));
    failure.complete(first);
  }

  private <T> void execute(Pending<T> pending) {
    markUnit();
    int mark = unitMark;
    try {
      hooks.quarantine().begin(Quarantine.REQUEST, "a request");
      pending.command().execute(processing, pending.reply());
      processing.afterCommand(hooks);
    } catch (Rejection rejection) {
      if (processing.writer().mark() == mark) {
        pending.reply().reject(rejection);
      } else {
        discardAndRecover(mark);
        pending.reply().failNow(rejection);
      }
    } catch (RuntimeException e) {
      LOG.error("A command failed unexpectedly; its records are discarded and the state is rebuilt from the log", e);
      discardAndRecover(mark);
      pending.reply().failNow(new IllegalStateException("The engine failed to process the request: " + e.getMessage(), e));
    }
  }

  private void markUnit() {
    unitMark = processing.writer().mark();
    unitAnswersMark = afterCommit.size();
  }

  private void runGuarded(Runnable work) {
    markUnit();
    int mark = unitMark;
    try {
      hooks.quarantine().begin(Quarantine.DUE_WORK, "time-based work (job timeouts, backoffs, timers, message expiry)");
      work.run();
      processing.afterCommand(hooks);
    } catch (RuntimeException e) {
      LOG.error("Time-based work failed unexpectedly; its records are discarded and the state is rebuilt", e);
      discardAndRecover(mark);
    }
  }

  private void discardAndRecover(int mark) {
    processing.writer().rollbackTo(mark);
    commit();
    awaitStored();
    processing = recovery.apply(log, hooks);
  }

  /**
   * The storage refused a batch: everything not yet stored is answered by the log writer; here the
   * processor answers every command at once and probes the storage until it takes a write, then
   * rebuilds the state from the log (dropping what the refused batches had applied) and resumes.
   */
  private void waitForStorage() throws InterruptedException {
    processing.writer().clear();
    afterCommit.clear();
    awaitStored();
    StorageFailure failed = storageFailure;
    Rejection rejection = storageRejection(failed);
    hooks.failAll(rejection);
    LOG.warn("{}", rejection.getMessage());
    long nextProbe = System.nanoTime();
    while (running) {
      Pending<?> pending = inbox.poll(MAX_IDLE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
      while (pending != null) {
        pending.reply().failNow(rejection);
        pending = inbox.poll();
      }
      if (System.nanoTime() - nextProbe < 0) {
        continue;
      }
      nextProbe = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STORAGE_PROBE_MILLIS);
      try {
        log.probe();
      } catch (StorageFailure stillFailing) {
        continue;
      }
      processing = recovery.apply(log, hooks);
      storageFailure = null;
      LOG.info("The storage takes writes again; the engine rebuilt its state from the log and resumed");
      return;
    }
  }

  /** Hands the batch's records and answers to the log writer. */
  private void commit() {
    List<Record> records = processing.writer().pending();
    if (records.isEmpty() && afterCommit.isEmpty()) {
      return;
    }
    SnapshotScheduler scheduler = snapshots;
    long position = processing.writer().position();
    StateSnapshot snapshot = scheduler != null && !records.isEmpty() && scheduler.due(position)
        ? StateSnapshot.capture(processing.state(), position, scheduler.finishedSince()) : null;
    Batch batch = new Batch(List.copyOf(records), List.copyOf(afterCommit), snapshot);
    processing.writer().clear();
    afterCommit.clear();
    batchesInFlight.acquireUninterruptibly();
    toStore.add(batch);
  }

  /** The log writer thread: stores every waiting batch in one transaction, then answers. */
  private void writeLog() {
    List<Batch> batches = new ArrayList<>();
    while (true) {
      try {
        Batch first = toStore.poll(MAX_IDLE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        if (first == null) {
          if (!running && !thread.isAlive()) {
            return;
          }
          continue;
        }
        batches.add(first);
        toStore.drainTo(batches);
        store(batches);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Throwable e) {
        FatalFailure failed = new FatalFailure(LOG_WRITER, "committing " + batches.size() + " batch(es) to the record log", e);
        fail(failed);
        failAnswers(batches, unavailable(fatal.get()));
      } finally {
        batchesInFlight.release(batches.size());
        batches.clear();
      }
    }
  }

  private void store(List<Batch> batches) {
    FatalFailure stoppedBy = fatal.get();
    if (stoppedBy != null && LOG_WRITER.equals(stoppedBy.thread())) {
      failAnswers(batches, unavailable(stoppedBy));
      return;
    }
    StorageFailure storage = storageFailure;
    if (storage != null) {
      failAnswers(batches, storageRejection(storage));
      return;
    }
    List<Record> records = new ArrayList<>();
    batches.forEach(batch -> records.addAll(batch.records()));
    try {
      log.append(records);
    } catch (StorageFailure e) {
      LOG.error("The record log could not be written; the engine answers 507/503 until the storage works again", e);
      storageFailure = e;
      failAnswers(batches, storageRejection(e));
      return;
    }
    for (Batch batch : batches) {
      if (!batch.records().isEmpty()) {
        exporters.forEach(exporter -> exporter.accept(batch.records()));
      }
      batch.answers().forEach(answer -> answer.release().run());
      if (batch.snapshot() != null) {
        snapshots.stored(batch.snapshot(), log);
      }
    }
  }

  private static void failAnswers(List<Batch> batches, Throwable failure) {
    batches.forEach(batch -> batch.answers().forEach(answer -> answer.fail().accept(failure)));
  }

  private static Rejection unavailable(FatalFailure failed) {
    return new Rejection(RejectionType.UNAVAILABLE, String.format(STOPPED, failed.message()));
  }

  private static Rejection storageRejection(StorageFailure failure) {
    String cause = failure.getCause() == null ? failure.getMessage() : failure.getCause().getMessage();
    return failure.kind() == StorageFailure.Kind.FULL
        ? new Rejection(RejectionType.INSUFFICIENT_STORAGE, String.format(DISK_FULL, cause))
        : new Rejection(RejectionType.UNAVAILABLE, String.format(STORAGE_ERROR, cause));
  }

  /** Waits until every batch handed to the log writer is stored. */
  private void awaitStored() {
    batchesInFlight.acquireUninterruptibly(BATCHES_IN_FLIGHT);
    batchesInFlight.release(BATCHES_IN_FLIGHT);
  }

  private void failQueued(RuntimeException cause) {
    List<Pending<?>> left = new ArrayList<>();
    inbox.drainTo(left);
    for (Pending<?> pending : left) {
      pending.reply().failNow(cause);
    }
    hooks.failAll(cause);
  }

  /**
   * Stops the threads (a clean stop drains: what was processed is committed and answered) and
   * closes the log. Safe to call more than once and after a fatal error.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    running = false;
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      logWriter.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!thread.isAlive()) {
      failQueued(new Rejection(RejectionType.UNAVAILABLE, String.format(STOPPED, "it was closed")));
      snapshotOnCleanStop();
    }
    if (log != null) {
      log.close();
    }
  }

  /** After a clean stop (everything processed is stored), snapshots the final state. */
  private void snapshotOnCleanStop() {
    SnapshotScheduler scheduler = snapshots;
    if (scheduler == null || processing == null || log == null || logWriter.isAlive() || fatal.get() != null
        || storageFailure != null) {
      return;
    }
    long position = processing.writer().position();
    if (position == 0 || position != log.lastPosition() || !scheduler.isNewer(position)) {
      return;
    }
    try {
      scheduler.writeNow(StateSnapshot.capture(processing.state(), position, scheduler.finishedSince()), log);
    } catch (RuntimeException e) {
      LOG.warn("Could not snapshot the state on stop; the next start replays the log after the last snapshot", e);
    }
  }

  private static Thread daemon(Runnable runnable, String name) {
    Thread thread = new Thread(runnable, name);
    thread.setDaemon(true);
    return thread;
  }
}
