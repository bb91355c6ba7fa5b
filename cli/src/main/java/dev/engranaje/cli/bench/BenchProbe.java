package dev.engranaje.cli.bench;

import dev.engranaje.engine.model.BpmnElementType;
import dev.engranaje.engine.record.JobIntent;
import dev.engranaje.engine.record.ProcessInstanceIntent;
import dev.engranaje.engine.record.ProcessInstanceRecord;
import dev.engranaje.engine.record.ProcessMessageSubscriptionIntent;
import dev.engranaje.engine.record.Record;
import dev.engranaje.engine.record.RecordType;
import dev.engranaje.engine.record.ValueType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The bench's exporter. It runs on the engine's processor thread after each commit, so it only
 * counts and stamps: records written, process instances completed, message subscriptions opened
 * and correlated, and the commit time of each job's CREATED event (read back, and forgotten, by the
 * worker's handler). Thread-safe.
 */
final class BenchProbe implements Consumer<List<Record>> {
  private static final CountDownLatch DONE = new CountDownLatch(0);

  private final AtomicLong records = new AtomicLong();
  private final AtomicLong correlatedSubscriptions = new AtomicLong();
  private final AtomicLong completedInstances = new AtomicLong();
  private final Map<Long, Long> jobCreatedNanos = new ConcurrentHashMap<>();
  private volatile CountDownLatch instancesCompleted = DONE;
  private volatile CountDownLatch jobsCreated = DONE;
  private volatile CountDownLatch subscriptionsOpened = DONE;

  @Override
  public void accept(List<Record> batch) {
    long committedAt = System.nanoTime();
    records.addAndGet(batch.size());
    for (Record record : batch) {
      if (record.recordType() != RecordType.EVENT) {
        continue;
      }
      if (record.valueType() == ValueType.JOB && record.intent() == JobIntent.CREATED) {
        jobCreatedNanos.put(record.key(), committedAt);
        jobsCreated.countDown();
      } else if (record.intent() == ProcessInstanceIntent.ELEMENT_COMPLETED
          && record.value() instanceof ProcessInstanceRecord instance
          && instance.bpmnElementType() == BpmnElementType.PROCESS) {
        completedInstances.incrementAndGet();
        instancesCompleted.countDown();
      } else if (record.intent() == ProcessMessageSubscriptionIntent.CREATED) {
        subscriptionsOpened.countDown();
      } else if (record.intent() == ProcessMessageSubscriptionIntent.CORRELATED) {
        correlatedSubscriptions.incrementAndGet();
      }
    }
  }

  /** Records committed since the engine started. */
  long records() {
    return records.get();
  }

  /** Process instances completed since the engine started. */
  long completedInstances() {
    return completedInstances.get();
  }

  /** Message subscriptions correlated since the engine started. */
  long correlatedSubscriptions() {
    return correlatedSubscriptions.get();
  }

  /** A latch that the next {@code count} opened message subscriptions count down. */
  CountDownLatch expectOpenedSubscriptions(long count) {
    CountDownLatch latch = new CountDownLatch((int) count);
    subscriptionsOpened = latch;
    return latch;
  }

  /** A latch that the next {@code count} completed process instances count down. */
  CountDownLatch expectCompletedInstances(long count) {
    CountDownLatch latch = new CountDownLatch((int) count);
    instancesCompleted = latch;
    return latch;
  }

  /** A latch that the next {@code count} created jobs count down. */
  CountDownLatch expectCreatedJobs(long count) {
    CountDownLatch latch = new CountDownLatch((int) count);
    jobsCreated = latch;
    return latch;
  }

  /** Nanoseconds from the commit of the job's CREATED event until now, or -1 when unknown. */
  long sinceJobCreated(long jobKey) {
    Long created = jobCreatedNanos.remove(jobKey);
    return created == null ? -1 : System.nanoTime() - created;
  }

  void forgetJobs() {
    jobCreatedNanos.clear();
  }
}
