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
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
 * mail server: at most one mail across a crash and redelivery, in-doubt sends as incidents, and no
 * password in incidents, variables or logs.
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

  @Test
  void shouldRaiseAnIncidentWithoutThePasswordWhenTheSmtpLoginFails() throws Exception {
    // given
    String wrongPassword = "N0t-the-Gr33nMail-password";
    String processId = TestEngine.uniqueProcessId();
    engine.deploy(sendThenInspect(processId));
    Map<String, Object> variables = mail("Invoice F-19");
    variables.put("username", MailTestServers.LOGIN);
    variables.put("password", "secrets.SMTP_PASSWORD");
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PrintStream standardError = System.err;
    System.setErr(new PrintStream(new TeeStream(standardError, log), true, StandardCharsets.UTF_8));
    String message;
    try {
      runtime(new SendMailWorker(MailTestServers.trusted()), Map.of("SMTP_PASSWORD", wrongPassword));

      // when
      long instance = engine.createInstance(processId, variables);
      message = engine.awaitIncidents(instance).get(0).getErrorMessage();

      // then
      assertThat(engine.localVariables(instance).toString()).contains("secrets.SMTP_PASSWORD").doesNotContain(wrongPassword);
    } finally {
      System.setErr(standardError);
    }
    assertThat(message).startsWith("Expected the SMTP server 127.0.0.1:" + greenMail.getSmtp().getPort()
        + " (none) to accept the login of user 'bot' with the password from secrets.SMTP_PASSWORD, but it refused it")
        .doesNotContain(wrongPassword);
    String logged = log.toString(StandardCharsets.UTF_8);
    assertThat(logged).contains("Failed job with no retries left (incident)").doesNotContain(wrongPassword);
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void shouldHandFetchedMessagesToTheProcessAsSmallVariablesWithFileReferences() throws Exception {
    // given
    greenMail.getUserManager().getUserByEmail(MailTestServers.USER).deliver(TestMails.forwarded());
    String processId = TestEngine.uniqueProcessId();
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("fetch", t -> t.zeebeJobType("rpa:mail.fetch:1"))
        .serviceTask("inspect", t -> t.zeebeJobType("test:inspect")).endEvent().done());
    runtime(new FetchMailWorker(MailTestServers.trusted()), Map.of("IMAP_PASSWORD", MailTestServers.PASSWORD));

    // when
    engine.createInstance(processId, Map.of("host", MailTestServers.HOST, "port", greenMail.getImap().getPort(),
        "security", "none", "username", MailTestServers.LOGIN, "password", "secrets.IMAP_PASSWORD", "hasAttachment", true));

    // then
    Map<String, Object> variables = engine.activateJob("test:inspect").getVariablesAsMap();
    assertThat(variables).containsEntry("messageCount", 1).containsEntry("skipped", List.of());
    @SuppressWarnings("unchecked")
    Map<String, Object> message = ((List<Map<String, Object>>) variables.get("messages")).get(0);
    assertThat(message).containsEntry("subject", "Fwd: Monthly report").containsEntry("from", "boss@example.org")
        .containsEntry("snippet", "See the forwarded mail.");
    assertThat(message.get("date")).asString().matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
    assertThat(message.get("attachments")).asList().extracting("name", "depth")
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Monthly report.eml", 0),
            org.assertj.core.groups.Tuple.tuple("report.xlsx", 1));
    assertThat(variables.toString()).doesNotContain(MailTestServers.PASSWORD);
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

  /** Copies what is written to standard error into a buffer as well. */
  private static final class TeeStream extends java.io.OutputStream {
    private final java.io.OutputStream first;
    private final java.io.OutputStream second;

    TeeStream(java.io.OutputStream first, java.io.OutputStream second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public synchronized void write(int b) throws java.io.IOException {
      first.write(b);
      second.write(b);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws java.io.IOException {
      first.write(bytes, offset, length);
      second.write(bytes, offset, length);
    }
  }
}
