package dev.engranaje.cli.bench;

import io.camunda.client.CamundaClient;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * Publishes messages through the official client as fast as a window of unanswered requests
 * allows, with the client's default time to live (1 hour), recording each publication's latency.
 */
final class MessagePublisher {
  private final CamundaClient client;

  MessagePublisher(CamundaClient client) {
    this.client = client;
  }

  /**
   * Publishes {@code count} messages named {@code name}, message {@code i} with the correlation key
   * {@code correlationKey.apply(i)} and the variables {@code variables.apply(i)}, at most {@code
   * inFlight} unanswered at once; returns when all are answered.
   *
   * @param latency receives, per answered publication, the nanoseconds from sending to the answer
   * @return how many were refused or failed
   */
  long publishWindowed(String name, int count, int inFlight, IntFunction<String> correlationKey,
      IntFunction<Map<String, Object>> variables, LatencyRecorder latency) throws InterruptedException {
    Semaphore window = new Semaphore(inFlight);
    AtomicLong failures = new AtomicLong();
    for (int i = 0; i < count; i++) {
      window.acquire();
      long sent = System.nanoTime();
      client.newPublishMessageCommand().messageName(name).correlationKey(correlationKey.apply(i))
          .variables(variables.apply(i)).send()
          .whenComplete((published, failure) -> {
            if (failure == null) {
              latency.record(System.nanoTime() - sent);
            } else {
              failures.incrementAndGet();
            }
            window.release();
          });
    }
    window.acquire(inFlight);
    return failures.get();
  }
}
