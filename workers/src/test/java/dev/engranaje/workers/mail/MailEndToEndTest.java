package dev.engranaje.workers.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.engranaje.engine.record.JobIntent;
import dev.engranaje.engine.record.ValueType;
import dev.engranaje.engine.testkit.TestEngine;
import dev.engranaje.workers.api.JobContext;
import dev.engranaje.workers.api.JobType;
import dev.engranaje.workers.api.JobWorker;
import dev.engranaje.workers.ledger.SqliteIdempotencyLedger;
import dev.engranaje.workers.runtime.WorkerOptions;
import dev.engranaje.workers.runtime.WorkerRuntime;
import dev.engranaje.workers.secrets.SecretSource;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mail workers served by {@link WorkerRuntime} against the embedded engine, with GreenMail as the
 * mail server, as worker processes run them: at most one mail across a crash and redelivery, and
 * in-doubt sends as incidents. A worker process that dies holding its job is the point here, so these
 * stay on client job workers rather than the process-test kit, which answers jobs on the test thread;
 * the other mail cases run on the kit in {@link MailWorkersEndToEndTest}.
 */
class MailEndToEndTest {
  private static final String SEND = "rpa:mail.send:1";
  private static final Duration JOB_TIMEOUT = Duration.ofMinutes(1);

  @RegisterExtension static final GreenMailExtension greenMail = MailTestServers.greenMail();

  @TempDir Path directory;
  private TestEngine engine;
  private final List<AutoCloseable> closing = new ArrayList<>();
  private final CountDownLatch releaseFrozenWorker = new CountDownLatch(1);

  @BeforeEach
  void startEngine() {
    engine = TestEngine.inMemory();
  }

  @AfterEach
  void stop() throws Exception {
    releaseFrozenWorker.countDown();
    for (int i = closing.size() - 1; i >= 0; i--) {
      closing.get(i).close();
    }
    engine.close();
  }

  /** A runtime as a worker process would run it, with its own client and its own ledger connection. */
  private WorkerRuntime runtime(JobWorker<?, ?> worker, Map<String, String> secrets) {
    CamundaClient client = TestEngine.newClient(engine.engine().restAddress());
    SqliteIdempotencyLedger ledger = SqliteIdempotencyLedger.open(directory.resolve("ledger.db"), Clock.systemUTC());
    WorkerRuntime runtime = WorkerRuntime.builder(client).worker(worker, WorkerOptions.DEFAULT.withTimeout(JOB_TIMEOUT))
        .ledger(ledger).workspaceRoot(directory.resolve("ws")).secrets(SecretSource.of(secrets)).build().start();
    closing.add(client);
    closing.add(ledger);
    closing.add(runtime);
    return runtime;
  }

  private static BpmnModelInstance sendThenInspect(String processId) {
    return Bpmn.createExecutableProcess(processId).startEvent().serviceTask("send", t -> t.zeebeJobType(SEND))
        .serviceTask("inspect", t -> t.zeebeJobType("test:inspect")).endEvent().done();
  }

  private Map<String, Object> mail(String subject) {
    Map<String, Object> variables = new HashMap<>(Map.of("host", MailTestServers.HOST, "port", greenMail.getSmtp().getPort(),
        "security", "none", "from", "bot@acme.example", "to", "ana@example.com", "subject", subject,
        "textBody", "Dear {{name}}, your invoice is attached.", "values", Map.of("name", "Ana")));
    return variables;
  }

  private void advanceUntil(String what, java.util.function.BooleanSupplier condition) {
    TestEngine.await(what, () -> {
      engine.clock().advance(JOB_TIMEOUT);
      return condition.getAsBoolean();
    });
  }

  @Test
  void shouldSendExactlyOneMailWhenTheJobIsRedeliveredAfterACrashBeforeCompletion() throws Exception {
    // given: a worker process that sends, then freezes before it can complete the job
    String processId = TestEngine.uniqueProcessId();
    engine.deploy(sendThenInspect(processId));
    FreezeAfterSend frozen = new FreezeAfterSend(new SendMailWorker(MailTestServers.trusted()), releaseFrozenWorker);
    WorkerRuntime crashed = runtime(frozen, Map.of());
    long instance = engine.createInstance(processId, mail("Invoice F-17"));
    assertThat(frozen.sent.await(20, TimeUnit.SECONDS)).as("the first worker sent the mail").isTrue();
    crashed.close(); // it polls no more; its job is never completed

    // when: the job times out and a fresh worker process with the same ledger file picks it up
    runtime(new SendMailWorker(MailTestServers.trusted()), Map.of());
    advanceUntil("the redelivered job completed", () -> engine.activateJobs("test:inspect", 1).size() == 1
        || !engine.matching(r -> r.valueType() == ValueType.JOB && r.intent() == JobIntent.COMPLETED).isEmpty());

    // then: one mail, the job completed with the recorded result, and it was redelivered by timeout, not by failure
    TestEngine.await("the inspect task is reached", () -> engine.hasElementEvent(instance, "inspect",
        dev.engranaje.engine.record.ProcessInstanceIntent.ELEMENT_ACTIVATED));
    assertThat(greenMail.getReceivedMessages()).hasSize(1);
    assertThat(engine.matching(r -> r.valueType() == ValueType.JOB && r.intent() == JobIntent.TIMED_OUT)).isNotEmpty();
    assertThat(engine.matching(r -> r.valueType() == ValueType.JOB && r.intent() == JobIntent.FAILED)).isEmpty();
    Map<String, Object> variables = engine.localVariables(instance);
    assertThat(variables).containsEntry("messageId", greenMail.getReceivedMessages()[0].getMessageID())
        .containsEntry("recipients", 1);
  }

  @Test
  void shouldRaiseAnIncidentTellingTheOperatorWhatToDoWhenTheSendIsInDoubt() throws Exception {
    // given: the server accepted the mail, then the worker process died before the ledger recorded it
    String processId = TestEngine.uniqueProcessId();
    engine.deploy(sendThenInspect(processId));
    CountDownLatch accepted = new CountDownLatch(1);
    SmtpTransmitter smtp = new SmtpTransmitter();
    SendMailWorker dying = new SendMailWorker(MailTestServers.trusted(), (server, session, message) -> {
      smtp.transmit(server, session, message);
      accepted.countDown();
      releaseFrozenWorker.await();
      throw new SimulatedCrash();
    });
    WorkerRuntime crashed = runtime(dying, Map.of());
    long instance = engine.createInstance(processId, mail("Invoice F-18"));
    assertThat(accepted.await(20, TimeUnit.SECONDS)).as("the server accepted the mail").isTrue();
    crashed.close();

    // when
    runtime(new SendMailWorker(MailTestServers.trusted()), Map.of());
    advanceUntil("an incident is raised", () -> !engine.incidents(instance).isEmpty());

    // then
    String message = engine.incidents(instance).get(0).getErrorMessage();
    long jobKey = engine.matching(r -> r.valueType() == ValueType.JOB && r.intent() == JobIntent.CREATED).get(0).key();
    String key = SEND + ":" + jobKey;
    assertThat(message).startsWith("Expected side effect '" + key + "' to be recorded as done or not started, but it"
        + " was started at").contains("it may have happened. Check it, then run 'rpa worker ledger forget " + key + "'"
        + " and retry the job to act again");
    assertThat(greenMail.getReceivedMessages()).hasSize(1);
  }

  /** Stands for a worker process that died: no completion, no failure reaches the engine. */
  static final class SimulatedCrash extends Error {
    SimulatedCrash() {
      super("simulated crash of the worker process");
    }
  }

  /** Sends through the real worker, then freezes like a process that died before completing the job. */
  @JobType(SEND)
  static final class FreezeAfterSend implements JobWorker<SendMailInput, SentMail> {
    final CountDownLatch sent = new CountDownLatch(1);
    private final SendMailWorker delegate;
    private final CountDownLatch release;

    FreezeAfterSend(SendMailWorker delegate, CountDownLatch release) {
      this.delegate = delegate;
      this.release = release;
    }

    @Override
    public Class<SendMailInput> inputType() {
      return SendMailInput.class;
    }

    @Override
    public SentMail handle(SendMailInput input, JobContext context) throws Exception {
      delegate.handle(input, context);
      sent.countDown();
      release.await();
      throw new SimulatedCrash();
    }
  }
}
