package dev.engranaje.cli.bench;

import io.camunda.client.CamundaClient;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/** Starts process instances through the official client: as fast as a window allows, or paced. */
final class LoadDriver {
  private final CamundaClient client;

  LoadDriver(CamundaClient client) {
    this.client = client;
  }

  /**
   * Sends {@code count} create commands with at most {@code inFlight} unanswered at once and
   * returns when all are answered.
   *
   * @return how many were refused or failed
   */
  long createWindowed(String processId, int count, int inFlight) throws InterruptedException {
    return createWindowed(processId, count, inFlight, null);
  }

  /**
   * Like {@link #createWindowed(String, int, int)}, instance {@code i} created with the variables
   * {@code variables.apply(i)}; a null function creates them without variables.
   */
  long createWindowed(String processId, int count, int inFlight, IntFunction<Map<String, Object>> variables)
      throws InterruptedException {
    Semaphore window = new Semaphore(inFlight);
    AtomicLong failures = new AtomicLong();
    for (int i = 0; i < count; i++) {
      window.acquire();
      var command = client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion();
      (variables == null ? command : command.variables(variables.apply(i))).send()
          .whenComplete((created, failure) -> {
            if (failure != null) {
              failures.incrementAndGet();
            }
            window.release();
          });
    }
    window.acquire(inFlight);
    return failures.get();
  }

  /**
   * Sends {@code count} create commands at {@code perSecond}, each without waiting for the one
   * before, and returns when all are answered.
   *
   * @return how many were refused or failed
   */
  long createPaced(String processId, int count, int perSecond, long timeoutMillis)
      throws InterruptedException, TimeoutException {
    AtomicInteger sent = new AtomicInteger();
    AtomicLong failures = new AtomicLong();
    Semaphore answered = new Semaphore(0);
    ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "engranaje-bench-pacer");
      thread.setDaemon(true);
      return thread;
    });
    try {
      pacer.scheduleAtFixedRate(() -> {
        if (sent.getAndIncrement() >= count) {
          return;
        }
        client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().send()
            .whenComplete((created, failure) -> {
              if (failure != null) {
                failures.incrementAndGet();
              }
              answered.release();
            });
      }, 0, TimeUnit.SECONDS.toNanos(1) / perSecond, TimeUnit.NANOSECONDS);
      if (!answered.tryAcquire(count, timeoutMillis, TimeUnit.MILLISECONDS)) {
        throw new TimeoutException("Expected " + count + " paced creations to be answered within "
            + timeoutMillis + " ms, but they were not");
      }
      return failures.get();
    } finally {
      pacer.shutdownNow();
    }
  }
}
