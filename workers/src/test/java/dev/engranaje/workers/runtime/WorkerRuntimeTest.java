package dev.engranaje.workers.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.engine.record.JobIntent;
import dev.engranaje.engine.record.JobRecord;
import dev.engranaje.engine.record.ValueType;
import dev.engranaje.engine.testkit.TestEngine;
import dev.engranaje.workers.api.BusinessError;
import dev.engranaje.workers.api.JobContext;
import dev.engranaje.workers.api.JobType;
import dev.engranaje.workers.api.JobWorker;
import dev.engranaje.workers.api.Secret;
import dev.engranaje.workers.api.TechnicalFailure;
import dev.engranaje.workers.ledger.SqliteIdempotencyLedger;
import dev.engranaje.workers.secrets.SecretSource;
import io.camunda.client.api.search.response.Incident;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerRuntimeTest {
  private static final String PASSWORD = "s3cr3t-portal-pass";

  @TempDir Path workspace;
  private TestEngine engine;
  private SqliteIdempotencyLedger ledger;
  private WorkerRuntime runtime;

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

  record Invoice(String supplier, BigDecimal amount, String currency) {}

  record Approval(String level, BigDecimal amount) {}

  @JobType("test:approve:1")
  static final class ApproveInvoiceWorker implements JobWorker<Invoice, Approval> {
    @Override
    public Class<Invoice> inputType() {
      return Invoice.class;
    }

    @Override
    public Approval handle(Invoice invoice, JobContext context) throws BusinessError {
      if (invoice.supplier() == null) {
        throw new BusinessError("SUPPLIER_UNKNOWN", "Expected a supplier on the invoice, but it has none");
      }
      return new Approval(invoice.amount().compareTo(new BigDecimal("1000")) > 0 ? "manager" : "clerk", invoice.amount());
    }
  }

  record Login(String user, Secret password) {}

  record Echo(String echoed) {}

  @JobType("test:echo-secret:1")
  static final class EchoSecretWorker implements JobWorker<Login, Echo> {
    @Override
    public Class<Login> inputType() {
      return Login.class;
    }

    @Override
    public Echo handle(Login login, JobContext context) throws TechnicalFailure {
      if (login.user().equals("fail")) {
        throw TechnicalFailure.permanent("Login refused for password " + login.password().reveal());
      }
      return new Echo(login.user() + ":" + login.password().reveal());
    }
  }

  @JobType("test:flaky:1")
  static final class FlakyWorker implements JobWorker<Map, Map> {
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public Class<Map> inputType() {
      return Map.class;
    }

    @Override
    public Map handle(Map input, JobContext context) throws Exception {
      if (calls.incrementAndGet() < 3) {
        throw new java.io.IOException("portal answered 503");
      }
      return Map.of("attempts", calls.get());
    }
  }

  private WorkerRuntime.Builder runtime() {
    return WorkerRuntime.builder(engine.client()).ledger(ledger).workspaceRoot(workspace.resolve("ws"))
        .secrets(SecretSource.of(Map.of("PORTAL_PASSWORD", PASSWORD)));
  }

  /** The worker's task, then a task the test inspects the instance's variables through. */
  private static io.camunda.zeebe.model.bpmn.BpmnModelInstance processThenInspect(String processId, String jobType) {
    return Bpmn.createExecutableProcess(processId).startEvent().serviceTask("work", t -> t.zeebeJobType(jobType))
        .serviceTask("inspect", t -> t.zeebeJobType("test:inspect")).endEvent().done();
  }

  private Map<String, Object> variablesAfterwards() {
    return engine.activateJob("test:inspect").getVariablesAsMap();
  }

  @Test
  void shouldCompleteWithOutputVariablesWhenWorkerReturns() {
    String processId = TestEngine.uniqueProcessId();
    engine.deploy(processThenInspect(processId, "test:approve:1"));
    runtime = runtime().worker(new ApproveInvoiceWorker()).build().start();

    engine.createInstance(processId, Map.of("supplier", "ACME", "amount", 1250.10, "currency", "EUR"));

    assertThat(variablesAfterwards()).containsEntry("level", "manager").containsEntry("amount", 1250.1);
  }

  @Test
  void shouldThrowBpmnErrorWhenWorkerRaisesBusinessError() {
    String processId = TestEngine.uniqueProcessId();
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("approve", t -> t.zeebeJobType("test:approve:1"))
        .boundaryEvent("unknown", b -> b.error("SUPPLIER_UNKNOWN")).endEvent("rejected")
        .moveToActivity("approve").endEvent("approved").done());
    runtime = runtime().worker(new ApproveInvoiceWorker()).build().start();

    long instance = engine.createInstance(processId, Map.of("amount", 10));

    engine.awaitCompleted(instance);
    assertThat(engine.hasElementEvent(instance, "rejected",
        dev.engranaje.engine.record.ProcessInstanceIntent.ELEMENT_COMPLETED)).isTrue();
  }

  @Test
  void shouldRetryWithBackoffWhenWorkerFailsTechnically() {
    String processId = TestEngine.uniqueProcessId();
    engine.deploy(processThenInspect(processId, "test:flaky:1"));
    FlakyWorker flaky = new FlakyWorker();
    Backoff tiny = new Backoff(Duration.ofMillis(10), 2.0, Duration.ofMillis(50));
    runtime = runtime().worker(flaky, WorkerOptions.DEFAULT.withBackoff(tiny)).build().start();

    engine.createInstance(processId, Map.of());

    // the engine's clock is controlled: let each backoff elapse until the job comes back
    TestEngine.await("the flaky job succeeded", () -> {
      engine.clock().advance(Duration.ofSeconds(1));
      return flaky.calls.get() >= 3;
    });
    assertThat(variablesAfterwards()).containsEntry("attempts", 3);
  }

  @Test
  void shouldWaitTheTasksOwnRetryBackoffWhenItsHeaderSetsOne() {
    assertThat(firstBackoffWithHeader("PT7S")).isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void shouldWaitTheConfiguredBackoffWhenTheRetryBackoffHeaderIsNotADuration() {
    assertThat(firstBackoffWithHeader("soon")).isEqualTo(Backoff.DEFAULT.after(1));
  }

  /** The element templates' "Retry backoff" field: the task header retryBackoff sets the first wait. */
  private Duration firstBackoffWithHeader(String retryBackoff) {
    String processId = TestEngine.uniqueProcessId();
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("work", t -> t.zeebeJobType("test:flaky:1").zeebeTaskHeader("retryBackoff", retryBackoff))
        .endEvent().done());
    runtime = runtime().worker(new FlakyWorker(), WorkerOptions.DEFAULT).build().start();
    long instance = engine.createInstance(processId, Map.of());
    TestEngine.await("the job failed once", () -> !failedJobs(instance).isEmpty());
    return Duration.ofMillis(failedJobs(instance).get(0).retryBackoff());
  }

  private List<JobRecord> failedJobs(long instance) {
    return engine.matching(r -> r.valueType() == ValueType.JOB && r.intent() == JobIntent.FAILED).stream()
        .map(r -> (JobRecord) r.value()).filter(job -> job.processInstanceKey() == instance).toList();
  }

  @Test
  void shouldMaskSecretsInOutputVariablesAndIncidentMessages() {
    String processId = TestEngine.uniqueProcessId();
    engine.deploy(processThenInspect(processId, "test:echo-secret:1"));
    runtime = runtime().worker(new EchoSecretWorker()).build().start();

    long echoed = engine.createInstance(processId, Map.of("user", "clerk", "password", "secrets.PORTAL_PASSWORD"));
    long failed = engine.createInstance(processId, Map.of("user", "fail", "password", "{{secrets.PORTAL_PASSWORD}}"));

    assertThat(variablesAfterwards()).containsEntry("echoed", "clerk:***");
    List<Incident> incidents = engine.awaitIncidents(failed);
    assertThat(incidents.get(0).getErrorMessage()).isEqualTo("Login refused for password ***");
  }

  @Test
  void shouldRaiseIncidentNamingThePropertyWhenSecretIsGivenLiterally() {
    String processId = TestEngine.uniqueProcessId();
    engine.deploy(TestEngine.serviceTaskProcess(processId, "test:echo-secret:1"));
    runtime = runtime().worker(new EchoSecretWorker()).build().start();

    long instance = engine.createInstance(processId, Map.of("user", "clerk", "password", "hunter22"));

    String message = engine.awaitIncidents(instance).get(0).getErrorMessage();
    assertThat(message).contains("test:echo-secret:1", "'password'", "secret reference").doesNotContain("hunter22");
  }
}
