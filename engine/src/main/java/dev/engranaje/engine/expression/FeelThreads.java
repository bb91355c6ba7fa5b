package dev.engranaje.engine.expression;

import java.lang.management.ManagementFactory;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads FEEL runs on when an expression is large or may loop: each has a large stack
 * ({@value #STACK_MEGABYTES} MB), so deep expressions parse and deep recursion ends in a caught
 * {@link StackOverflowError}, not in a dead caller. An evaluation is watched by its caller, which
 * interrupts it (FEEL checks for interruption at every step) when it runs longer or allocates more
 * than its {@link FeelBudget}.
 *
 * Decisions (dmn-scala runs FEEL inside) are evaluated here too, under the same budget.
 *
 * <p>Threads are made on demand, at most {@value #MAX_THREADS}, and end after a minute idle; one
 * shared pool serves every engine in the JVM. Thread-safe.
 */
public final class FeelThreads {
  static final int STACK_MEGABYTES = 64;
  static final int MAX_THREADS = 16;

  static final String OUT_OF_TIME = "it ran longer than the FEEL evaluation budget of %d ms"
      + " (raise it with --max-feel-evaluation-time)";
  static final String OUT_OF_SPACE = "it allocated more than the FEEL evaluation budget of %d bytes"
      + " (raise it with --max-feel-evaluation-size)";
  static final String STACK_OVERFLOW = "it nested or recursed too deeply (stack overflow)";
  static final String OUT_OF_MEMORY = "the engine ran out of memory while evaluating it";
  static final String NO_THREAD = "every FEEL thread is busy with a runaway expression";

  private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
  private static final com.sun.management.ThreadMXBean THREADS = allocationCounter();
  private static final AtomicInteger NUMBER = new AtomicInteger();
  private static final ThreadPoolExecutor POOL = new ThreadPoolExecutor(0, MAX_THREADS, 60, TimeUnit.SECONDS,
      new SynchronousQueue<>(), runnable -> {
        Thread thread = new Thread(null, runnable, "engranaje-feel-" + NUMBER.incrementAndGet(),
            STACK_MEGABYTES * 1024L * 1024L);
        thread.setDaemon(true);
        return thread;
      });

  private FeelThreads() {}

  /** What a budgeted task reports back: its value, or why it failed. */
  public sealed interface Outcome<T> {
    record Done<T>(T value) implements Outcome<T> {}

    record Failed<T>(String reason) implements Outcome<T> {}
  }

  /**
   * Runs work on a large-stack thread and waits for it, without a budget (parsing, whose size is
   * bounded by the model limits).
   */
  static <T> Outcome<T> run(Callable<T> work) {
    return run(work, null);
  }

  /** Runs work on a large-stack thread within a budget (null: unbounded), interrupting it past the budget. */
  public static <T> Outcome<T> run(Callable<T> work, FeelBudget budget) {
    Watched<T> task = new Watched<>(work);
    Future<Outcome<T>> future;
    try {
      future = POOL.submit(task);
    } catch (RejectedExecutionException e) {
      return new Outcome.Failed<>(NO_THREAD);
    }
    long deadline = budget == null ? Long.MAX_VALUE : System.nanoTime() + budget.maxTime().toNanos();
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return future.get(budget == null ? Long.MAX_VALUE : POLL_NANOS, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
          if (System.nanoTime() - deadline >= 0) {
            future.cancel(true);
            return new Outcome.Failed<>(String.format(OUT_OF_TIME, budget.maxTime().toMillis()));
          }
          if (task.allocated() > budget.maxAllocatedBytes()) {
            future.cancel(true);
            return new Outcome.Failed<>(String.format(OUT_OF_SPACE, budget.maxAllocatedBytes()));
          }
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          throw new IllegalStateException("Expected FEEL work to report its failures, but it threw", e.getCause());
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** A task that records its thread and allocation counter, and turns fatal errors into outcomes. */
  private static final class Watched<T> implements Callable<Outcome<T>> {
    private final Callable<T> work;
    private volatile long threadId = -1;
    private volatile long allocatedAtStart;

    Watched(Callable<T> work) {
      this.work = work;
    }

    @Override
    public Outcome<T> call() {
      allocatedAtStart = allocatedBy(Thread.currentThread().getId());
      threadId = Thread.currentThread().getId();
      try {
        return new Outcome.Done<>(work.call());
      } catch (StackOverflowError e) {
        return new Outcome.Failed<>(STACK_OVERFLOW);
      } catch (OutOfMemoryError e) {
        return new Outcome.Failed<>(OUT_OF_MEMORY);
      } catch (InterruptedException e) {
        return new Outcome.Failed<>("it was interrupted");
      } catch (Exception e) {
        return new Outcome.Failed<>(e.toString());
      }
    }

    long allocated() {
      long id = threadId;
      return id < 0 ? 0 : allocatedBy(id) - allocatedAtStart;
    }
  }

  private static long allocatedBy(long threadId) {
    return THREADS == null ? 0 : Math.max(0, THREADS.getThreadAllocatedBytes(threadId));
  }

  private static com.sun.management.ThreadMXBean allocationCounter() {
    if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean bean
        && bean.isThreadAllocatedMemorySupported()) {
      bean.setThreadAllocatedMemoryEnabled(true);
      return bean;
    }
    return null;
  }
}
