package dev.engranaje.workers.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.engranaje.engine.record.JobIntent;
import dev.engranaje.engine.record.JobRecord;
import dev.engranaje.engine.testkit.TestEngine;
import dev.engranaje.workers.api.JobContext;
import dev.engranaje.workers.api.JobInfo;
import dev.engranaje.workers.api.JobType;
import dev.engranaje.workers.api.JobWorker;
import dev.engranaje.workers.ledger.SqliteIdempotencyLedger;
import dev.engranaje.workers.secrets.Redactor;
import dev.engranaje.workers.secrets.SecretResolver;
import dev.engranaje.workers.secrets.SecretSource;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shutdown, hand-back, refused commands and backoff numbering, through the real client. */
class WorkerRuntimeLifecycleTest {
  private static final String SLOW = "test:slow:1";

  @TempDir Path workspace;
  private TestEngine engine;
  private SqliteIdempotencyLedger ledger;
  private WorkerRuntime runtime;
  private final List<Outcome> outcomes = new CopyOnWriteArrayList<>();

  record Outcome(long jobKey, JobOutcome outcome) {}

  @BeforeEach
  void startEngine() {
    engine = TestEngine.inMemory();
    ledger = SqliteIdempotencyLedger.open(workspace.resolve("ledger.db"), Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    if (runtime != null) {
      runtime.close();
    }
    ledger.close();
    engine.close();
  }

  /** Blocks the first job it gets until released; later jobs return at once. */
  @JobType(SLOW)
  static final class SlowWorker implements JobWorker<Map, Map> {
    final List<Long> instances = new CopyOnWriteArrayList<>();
    final CountDownLatch firstStarted = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    public Class<Map> inputType() {
      return Map.class;
    }

    @Override
    public Map handle(Map input, JobContext context) throws InterruptedException {
      instances.add(context.job().processInstanceKey());
      if (instances.size() == 1) {
        firstStarted.countDown();
        assertThat(release.await(30, TimeUnit.SECONDS)).as("released by the test").isTrue();
      }
      return Map.of("done", true);
    }
  }

  @JobType("test:failing:1")
  static final class FailingWorker implements JobWorker<Map, Map> {
    @Override
    public Class<Map> inputType() {
      return Map.class;
    }

    @Override
    public Map handle(Map input, JobContext context) throws java.io.IOException {
      throw new java.io.IOException("share unreachable");
    }
  }

  private WorkerRuntime.Builder runtime() {
    return WorkerRuntime.builder(engine.client()).ledger(ledger).workspaceRoot(workspace.resolve("ws"))
        .secrets(SecretSource.of(Map.of())).observer((job, outcome, duration) -> outcomes.add(new Outcome(job.jobKey(), outcome)));
  }

  private static BpmnModelInstance processThenInspect(String processId, String jobType, int retries) {
    return Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("work", t -> t.zeebeJobType(jobType).zeebeJobRetries(Integer.toString(retries)))
        .serviceTask("inspect", t -> t.zeebeJobType("test:inspect")).endEvent().done();
  }

  @Test
  void shouldFinishRunningJobAndStartNoNewOneWhenShutdownBegins() throws Exception {
    // given a slow job in flight
    String processId = TestEngine.uniqueProcessId();
    engine.deploy(processThenInspect(processId, SLOW, 3));
    SlowWorker slow = new SlowWorker();
    runtime = runtime().worker(slow).build().start();
    long first = engine.createInstance(processId, Map.of());
    assertThat(slow.firstStarted.await(10, TimeUnit.SECONDS)).isTrue();

    // when shutdown begins, a second instance arrives, then the slow job ends
    CompletableFuture<List<JobInfo>> unfinished = CompletableFuture.supplyAsync(() -> {
      try {
        return runtime.shutdown(Duration.ofMinutes(1));
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    TestEngine.await("shutdown began", runtime::isStopping);
    long second = engine.createInstance(processId, Map.of());
    assertThat(unfinished).isNotDone();
    slow.release.countDown();

    // then the running job completed, and the new one was never started but is there to take, untouched
    assertThat(unfinished.get(30, TimeUnit.SECONDS)).isEmpty();
    ActivatedJob inspect = engine.activateJob("test:inspect");
    assertThat(inspect.getProcessInstanceKey()).isEqualTo(first);
    assertThat(inspect.getVariablesAsMap()).containsEntry("done", true);
    ActivatedJob waiting = engine.activateJob(SLOW);
    assertThat(waiting.getProcessInstanceKey()).isEqualTo(second);
    assertThat(waiting.getRetries()).isEqualTo(3);
    assertThat(slow.instances).containsExactly(first);
  }

  @Test
  void shouldHandJobBackUntouchedWhenItArrivesWhileStopping() {
    // given a runtime that stopped accepting jobs, and an activated job
    String processId = TestEngine.uniqueProcessId();
    engine.deploy(processThenInspect(processId, SLOW, 3));
    long instance = engine.createInstance(processId, Map.of());
    ActivatedJob job = engine.activateJob(SLOW);
    RunningJobs running = new RunningJobs();
    running.stopAccepting();
    SlowWorker slow = new SlowWorker();
    ObjectMapper json = new ObjectMapper();
    JobRunner<Map, Map> runner = new JobRunner<>(slow, WorkerOptions.DEFAULT, new JobRunner.RuntimeServices(json,
        new SecretResolver(SecretSource.of(Map.of()), new Redactor()), ledger, workspace, Map.of(), Clock.systemUTC(),
        (info, outcome, duration) -> outcomes.add(new Outcome(info.jobKey(), outcome)), running,
        dev.engranaje.workers.api.EngineQueries.NONE));

    // when
    runner.handle(engine.client(), job);

    // then the worker never ran, and the job is offered again at once with its retries
    assertThat(slow.instances).isEmpty();
    assertThat(outcomes).containsExactly(new Outcome(job.getKey(), JobOutcome.RETURNED));
    ActivatedJob again = engine.activateJob(SLOW);
    assertThat(again.getKey()).isEqualTo(job.getKey());
    assertThat(again.getProcessInstanceKey()).isEqualTo(instance);
    assertThat(again.getRetries()).isEqualTo(3);
  }

  @Test
  void shouldCountRejectedCompletionWithoutCrashingWhenJobTimedOutMeanwhile() throws Exception {
    // given a job with a short timeout whose handling blocks
    String processId = TestEngine.uniqueProcessId();
    engine.deploy(processThenInspect(processId, SLOW, 3));
    SlowWorker slow = new SlowWorker();
    runtime = runtime().worker(slow, WorkerOptions.DEFAULT.withTimeout(Duration.ofSeconds(1))).build().start();
    long instance = engine.createInstance(processId, Map.of());
    assertThat(slow.firstStarted.await(10, TimeUnit.SECONDS)).isTrue();

    // when the job times out, someone else takes and completes it, and then the slow handling ends
    List<ActivatedJob> retaken = new CopyOnWriteArrayList<>();
    TestEngine.await("the timed-out job was offered again", () -> {
      engine.clock().advance(Duration.ofSeconds(2));
      retaken.addAll(engine.pollJobs(SLOW, Duration.ofMillis(100)));
      return !retaken.isEmpty();
    });
    engine.client().newCompleteCommand(retaken.get(0)).variables(Map.of("by", "another worker")).send().join();
    slow.release.countDown();

    // then the stale completion is counted as rejected, and the instance went on with the other result
    TestEngine.await("the stale completion was refused", () -> !outcomes.isEmpty());
    assertThat(outcomes).containsExactly(new Outcome(retaken.get(0).getKey(), JobOutcome.REJECTED));
    ActivatedJob inspect = engine.activateJob("test:inspect");
    assertThat(inspect.getProcessInstanceKey()).isEqualTo(instance);
    assertThat(inspect.getVariablesAsMap()).containsEntry("by", "another worker").doesNotContainKey("done");
  }

  @Test
  void shouldNumberBackoffAttemptsPerJobWhenModelRetriesDifferFromConfigured() {
    // given a model with 6 retries, a runtime configured for 3, a backoff of 1 s doubling
    String processId = TestEngine.uniqueProcessId();
    engine.deploy(processThenInspect(processId, "test:failing:1", 6));
    Backoff backoff = new Backoff(Duration.ofSeconds(1), 2.0, Duration.ofMinutes(1));
    runtime = runtime().worker(new FailingWorker(), WorkerOptions.DEFAULT.withRetries(3).withBackoff(backoff)).build().start();

    // when the job fails four times
    engine.createInstance(processId, Map.of());
    TestEngine.await("four failures", () -> {
      engine.clock().advance(Duration.ofSeconds(10));
      return failedBackoffs().size() >= 4;
    });

    // then the waits grow with each failure instead of restarting at the initial one
    assertThat(failedBackoffs().subList(0, 4)).containsExactly(1000L, 2000L, 4000L, 8000L);
  }

  private List<Long> failedBackoffs() {
    return engine.records().matching(r -> r.intent() == JobIntent.FAILED).stream()
        .map(r -> ((JobRecord) r.value()).retryBackoff()).toList();
  }
}
