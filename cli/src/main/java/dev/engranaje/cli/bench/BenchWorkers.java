package dev.engranaje.cli.bench;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.api.worker.JobWorker;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One official-client worker per pipeline job type, tuned the way a user chasing throughput would:
 * {@code maxJobsActive}, {@code pollInterval} and the long-poll {@code requestTimeout} set, job
 * streaming off (the embedded engine has no gRPC), and completions sent without blocking the
 * handler. With a probe, each handler call records the time since the job's CREATED commit.
 * Thread-safe.
 */
final class BenchWorkers implements AutoCloseable {
  private static final CountDownLatch DONE = new CountDownLatch(0);

  private final BenchProbe probe;
  private final List<JobWorker> workers = new ArrayList<>();
  private final AtomicLong failedCompletions = new AtomicLong();
  private volatile LatencyRecorder latency = new LatencyRecorder(0);
  private volatile CountDownLatch lastStepsCompleted = DONE;

  /**
   * @param probe the in-process exporter, or null against a remote engine (no latency then)
   */
  BenchWorkers(CamundaClient client, BenchSettings settings, BenchProbe probe) {
    this.probe = probe;
    List<String> types = BenchModels.PIPELINE_JOB_TYPES;
    for (String type : types) {
      boolean last = type.equals(types.get(types.size() - 1));
      workers.add(client.newWorker().jobType(type)
          .handler((jobClient, job) -> handle(jobClient, job, last))
          .name("engranaje-bench").maxJobsActive(settings.maxJobsActive())
          .pollInterval(settings.pollInterval()).requestTimeout(settings.requestTimeout())
          .streamEnabled(false).open());
    }
  }

  /** Where the following handler calls record their activation latency. */
  void recordLatencyInto(LatencyRecorder recorder) {
    latency = recorder;
  }

  /**
   * A latch that the next {@code count} acknowledged completions of the last step count down: the
   * instance is done then, so this detects completion where no exporter can be attached.
   */
  CountDownLatch expectCompletedInstances(long count) {
    CountDownLatch latch = new CountDownLatch((int) count);
    lastStepsCompleted = latch;
    return latch;
  }

  long failedCompletions() {
    return failedCompletions.get();
  }

  private void handle(JobClient jobClient, ActivatedJob job, boolean lastStep) {
    if (probe != null) {
      long sinceCreated = probe.sinceJobCreated(job.getKey());
      if (sinceCreated >= 0) {
        latency.record(sinceCreated);
      }
    }
    jobClient.newCompleteCommand(job.getKey()).send().whenComplete((ok, failure) -> {
      if (failure != null) {
        failedCompletions.incrementAndGet();
      } else if (lastStep) {
        lastStepsCompleted.countDown();
      }
    });
  }

  @Override
  public void close() {
    workers.forEach(JobWorker::close);
  }
}
