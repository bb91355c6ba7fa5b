package dev.engranaje.workers.runtime;

import dev.engranaje.workers.api.JobInfo;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The jobs being handled right now, and whether the runtime still accepts new ones. Once {@link
 * #stopAccepting()} is called, {@link #enter} refuses every job, so a job the client activated
 * after shutdown began is handed back instead of started.
 *
 * <p>Thread-safe.
 */
final class RunningJobs {
  private final Map<Long, JobInfo> running = new ConcurrentHashMap<>();
  private final Object lock = new Object();
  private boolean accepting = true;

  /** Registers {@code job} as running; false when the runtime is stopping and the job must not start. */
  boolean enter(JobInfo job) {
    synchronized (lock) {
      if (!accepting) {
        return false;
      }
      running.put(job.jobKey(), job);
      return true;
    }
  }

  void exit(JobInfo job) {
    synchronized (lock) {
      running.remove(job.jobKey());
      lock.notifyAll();
    }
  }

  void stopAccepting() {
    synchronized (lock) {
      accepting = false;
    }
  }

  boolean isAccepting() {
    synchronized (lock) {
      return accepting;
    }
  }

  /**
   * Waits until no job is running or {@code grace} has passed.
   *
   * @return the jobs still running when the wait ended (empty when all finished)
   */
  List<JobInfo> awaitIdle(Duration grace) throws InterruptedException {
    long deadline = System.nanoTime() + grace.toNanos();
    synchronized (lock) {
      while (!running.isEmpty()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        lock.wait(Math.max(1, left / 1_000_000));
      }
      return List.copyOf(running.values());
    }
  }

  int count() {
    return running.size();
  }
}
