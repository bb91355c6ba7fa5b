package dev.engranaje.engine.processing;

import dev.engranaje.engine.gateway.Rejection;
import dev.engranaje.engine.record.Record;
import dev.engranaje.engine.storage.RecordLog;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;
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
 * <p>If a command fails unexpectedly (a bug), its records are discarded, the batch so far is
 * committed, and the state is rebuilt from the log, so a half-applied command never survives. If
 * the log cannot be written (disk full), the engine stops: what is in memory can no longer be
 * trusted to match what is stored.
 */
public final class CommandProcessor implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CommandProcessor.class);
  private static final int MAX_BATCH = 2_000;
  private static final int BATCHES_IN_FLIGHT = 256;
  /** Upper bound on idle waits, so a moved test clock is noticed quickly. */
  private static final long MAX_IDLE_WAIT_MILLIS = 50;

  private record Pending<T>(Command<T> command, Reply<T> reply) {}

  /** A processed batch waiting to be stored, with the answers it releases. */
  private record Batch(List<Record> records, List<PendingAnswer> answers) {}

  private final LinkedBlockingQueue<Pending<?>> inbox = new LinkedBlockingQueue<>();
  private final Supplier<RecordLog> logOpener;
  private final BiFunction<RecordLog, ProcessorHooks, Processing> recovery;
  private volatile RecordLog log;
  private final ProcessorHooks hooks;
  private final List<PendingAnswer> afterCommit = new ArrayList<>();
  private final List<Consumer<List<Record>>> exporters = new CopyOnWriteArrayList<>();
  private final LinkedBlockingQueue<Batch> toStore = new LinkedBlockingQueue<>();
  private final Thread logWriter = daemon(this::writeLog, "engranaje-log-writer");
  private final Semaphore batchesInFlight = new Semaphore(BATCHES_IN_FLIGHT);
  private final Thread thread;
  private final CompletableFuture<Void> ready = new CompletableFuture<>();
  private volatile boolean running = true;
  private volatile RuntimeException storageFailure;
  private Processing processing;

  /**
   * @param logOpener opens the record log; called on the processor thread when it starts, so a
   *     slow open (native library, large database) does not delay accepting requests
   * @param recovery builds the processing state by replaying the log; called when the processor
   *     thread starts and after an unexpected failure
   */
  public CommandProcessor(Supplier<RecordLog> logOpener, BiFunction<RecordLog, ProcessorHooks, Processing> recovery) {
    this.logOpener = logOpener;
    this.recovery = recovery;
    this.hooks = new ProcessorHooks();
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

  public <T> CompletableFuture<T> submit(Command<T> command) {
    Reply<T> reply = new Reply<>(this);
    if (!running) {
      reply.failNow(new IllegalStateException("Expected a running engine, but it is shutting down"));
      return reply.future();
    }
    inbox.add(new Pending<>(command, reply));
    return reply.future();
  }

  /**
   * Registers an exporter: it sees every committed batch of records, in order, on the log writer
   * thread, so it must be quick and must not block.
   */
  public void addExporter(Consumer<List<Record>> exporter) {
    exporters.add(exporter);
  }

  void afterCommit(PendingAnswer answer) {
    afterCommit.add(answer);
  }

  private void run() {
    try {
      log = logOpener.get();
      processing = recovery.apply(log, hooks);
      ready.complete(null);
    } catch (RuntimeException e) {
      LOG.error("The engine could not recover its state from the log", e);
      ready.completeExceptionally(e);
      running = false;
      failQueued(e);
      return;
    }
    List<Pending<?>> batch = new ArrayList<>(MAX_BATCH);
    while (running) {
      try {
        if (storageFailure != null) {
          throw storageFailure;
        }
        long wait = Math.max(1, Math.min(MAX_IDLE_WAIT_MILLIS, processing.millisUntilNextDueWork()));
        Pending<?> first = inbox.poll(wait, TimeUnit.MILLISECONDS);
        if (first != null) {
          batch.add(first);
          inbox.drainTo(batch, MAX_BATCH - 1);
        }
        for (Pending<?> pending : batch) {
          execute(pending);
        }
        batch.clear();
        runGuarded(() -> processing.runDueWork(hooks));
        commit();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.error("The engine processor failed; stopping so that no unstored state is served", e);
        running = false;
        failQueued(e);
        return;
      }
    }
  }

  private <T> void execute(Pending<T> pending) {
    int mark = processing.writer().mark();
    try {
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

  private void runGuarded(Runnable work) {
    int mark = processing.writer().mark();
    try {
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

  /** Hands the batch's records and answers to the log writer. */
  private void commit() {
    List<Record> records = processing.writer().pending();
    if (records.isEmpty() && afterCommit.isEmpty()) {
      return;
    }
    Batch batch = new Batch(List.copyOf(records), List.copyOf(afterCommit));
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
      } finally {
        batchesInFlight.release(batches.size());
        batches.clear();
      }
    }
  }

  private void store(List<Batch> batches) {
    try {
      if (storageFailure != null) {
        throw storageFailure;
      }
      List<Record> records = new ArrayList<>();
      batches.forEach(batch -> records.addAll(batch.records()));
      log.append(records);
      for (Batch batch : batches) {
        if (!batch.records().isEmpty()) {
          exporters.forEach(exporter -> exporter.accept(batch.records()));
        }
        batch.answers().forEach(answer -> answer.release().run());
      }
    } catch (RuntimeException e) {
      if (storageFailure == null) {
        LOG.error("The record log could not be written; the engine stops", e);
        storageFailure = e;
      }
      IllegalStateException failure = new IllegalStateException("The engine could not store the result: " + e.getMessage(), e);
      batches.forEach(batch -> batch.answers().forEach(answer -> answer.fail().accept(failure)));
    }
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
      pending.reply().failNow(new IllegalStateException("The engine stopped: " + cause.getMessage(), cause));
    }
    hooks.failAll(cause);
  }

  @Override
  public void close() {
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
    failQueued(new IllegalStateException("engine closed"));
    if (log != null) {
      log.close();
    }
  }

  private static Thread daemon(Runnable runnable, String name) {
    Thread thread = new Thread(runnable, name);
    thread.setDaemon(true);
    return thread;
  }
}
