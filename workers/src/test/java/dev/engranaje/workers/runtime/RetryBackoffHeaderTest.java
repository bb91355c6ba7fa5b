package dev.engranaje.workers.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.engine.record.JobIntent;
import dev.engranaje.engine.record.JobRecord;
import dev.engranaje.engine.record.ValueType;
import dev.engranaje.engine.testkit.TestEngine;
import dev.engranaje.workers.api.JobContext;
import dev.engranaje.workers.api.JobType;
import dev.engranaje.workers.api.JobWorker;
import dev.engranaje.workers.ledger.SqliteIdempotencyLedger;
import dev.engranaje.workers.secrets.SecretSource;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The element templates' "Retry backoff" field: the task header {@code retryBackoff} sets the first wait. */
class RetryBackoffHeaderTest {
  @TempDir Path workspace;
  private TestEngine engine;
  private SqliteIdempotencyLedger ledger;
  private WorkerRuntime runtime;

  @JobType("test:always-fails:1")
  static final class AlwaysFailsWorker implements JobWorker<Map, Map> {
    @Override
    public Class<Map> inputType() {
      return Map.class;
    }

    @Override
    public Map handle(Map input, JobContext context) throws IOException {
      throw new IOException("portal answered 503");
    }
  }

  @BeforeEach
  void start() {
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

  private long failOnceWith(Map<String, String> headers) {
    String processId = TestEngine.uniqueProcessId();
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("work", t -> {
          t.zeebeJobType("test:always-fails:1").zeebeJobRetries("3");
          headers.forEach(t::zeebeTaskHeader);
        }).endEvent().done());
    runtime = WorkerRuntime.builder(engine.client()).ledger(ledger).workspaceRoot(workspace.resolve("ws"))
        .secrets(SecretSource.of(Map.of())).worker(new AlwaysFailsWorker(), WorkerOptions.DEFAULT).build().start();
    long instance = engine.createInstance(processId, Map.of());
    TestEngine.await("the job failed", () -> !failed(instance).isEmpty());
    return failed(instance).get(0).retryBackoff();
  }

  private List<JobRecord> failed(long instance) {
    return engine.matching(r -> r.valueType() == ValueType.JOB && r.intent() == JobIntent.FAILED).stream()
        .map(r -> (JobRecord) r.value()).filter(j -> j.processInstanceKey() == instance).toList();
  }

  @Test
  void shouldWaitTheTasksOwnBackoffWhenItsHeaderSetsOne() {
    assertThat(failOnceWith(Map.of("retryBackoff", "PT7S"))).isEqualTo(Duration.ofSeconds(7).toMillis());
  }

  @Test
  void shouldWaitTheConfiguredBackoffWhenTheHeaderIsNotADuration() {
    assertThat(failOnceWith(Map.of("retryBackoff", "soon"))).isEqualTo(Backoff.DEFAULT.after(1).toMillis());
  }
}
