package dev.engranaje.engine.processing;

import dev.engranaje.engine.gateway.Rejection;
import dev.engranaje.engine.record.Record;
import dev.engranaje.engine.storage.RecordLog;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer. One thread takes commands from a queue in batches (up to {@value #MAX_BATCH}),
 * runs each with all its follow-up work, runs due time-based work (timeouts, backoffs, timers,
 * message expiry), commits the batch's records in one storage transaction (group commit) and only
 * then releases the replies. Nothing else touches the state, so element behaviour needs no locks.
 *
 * <p>If a command fails unexpectedly (a bug), its records are discarded, the batch so far is
 * committed, and the state is rebuilt from the log, so a half-applied command never survives.
 */
public final class CommandProcessor implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CommandProcessor.class);
  private static final int MAX_BATCH = 2_000;
  /** Upper bound on idle waits, so a moved test clock is noticed quickly. */
  private static final long MAX_IDLE_WAIT_MILLIS = 50;

  private record Pending<T>(Command<T> command, Reply<T> reply) {}

  private final LinkedBlockingQueue<Pending<?>> inbox = new LinkedBlockingQueue<>();
  private final RecordLog log;
  private final Function<ProcessorHooks, Processing> recovery;
  private final ProcessorHooks hooks;
  private final List<Runnable> afterCommit = new ArrayList<>();
  private final List<Consumer<List<Record>>> exporters = new CopyOnWriteArrayList<>();
  private final ExecutorService replies =
      Executors.newFixedThreadPool(2, runnable -> daemon(runnable, "engranaje-replies"));
  private final Thread thread;
  private volatile boolean running = true;
  private Processing processing;

  /**
   * @param recovery builds the processing state by replaying the log; called at start and after
   *     an unexpected failure
   */
  public CommandProcessor(RecordLog log, Function<ProcessorHooks, Processing> recovery) {
    this.log = log;
    this.recovery = recovery;
    this.hooks = new ProcessorHooks();
    this.processing = recovery.apply(hooks);
    this.thread = daemon(this::run, "engranaje-processor");
  }

  public void start() {
    thread.start();
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
   * Registers an exporter: it sees every committed batch of records, in order, on the processor
   * thread, so it must be quick and must not block.
   */
  public void addExporter(Consumer<List<Record>> exporter) {
    exporters.add(exporter);
  }

  void afterCommit(Runnable action) {
    afterCommit.add(action);
  }

  private void run() {
    List<Pending<?>> batch = new ArrayList<>(MAX_BATCH);
    while (running) {
      try {
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
        LOG.error("The engine processor failed; stopping so that no uncommitted state is served", e);
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
        discardAndRecover(mark, rejection);
        pending.reply().failNow(rejection);
      }
    } catch (RuntimeException e) {
      LOG.error("A command failed unexpectedly; its records are discarded and the state is rebuilt from the log", e);
      discardAndRecover(mark, e);
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
      discardAndRecover(mark, e);
    }
  }

  private void discardAndRecover(int mark, RuntimeException cause) {
    processing.writer().rollbackTo(mark);
    commit();
    processing = recovery.apply(hooks);
  }

  private void commit() {
    List<Record> pending = processing.writer().pending();
    if (!pending.isEmpty()) {
      log.append(pending);
      if (!exporters.isEmpty()) {
        List<Record> committed = List.copyOf(pending);
        exporters.forEach(exporter -> exporter.accept(committed));
      }
      processing.writer().clear();
    }
    if (!afterCommit.isEmpty()) {
      List<Runnable> toRelease = new ArrayList<>(afterCommit);
      afterCommit.clear();
      replies.execute(() -> toRelease.forEach(Runnable::run));
    }
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
    failQueued(new IllegalStateException("engine closed"));
    replies.shutdown();
    try {
      replies.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Thread daemon(Runnable runnable, String name) {
    Thread thread = new Thread(runnable, name);
    thread.setDaemon(true);
    return thread;
  }
}
