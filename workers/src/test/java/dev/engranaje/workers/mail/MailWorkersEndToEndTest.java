package dev.engranaje.workers.mail;

import static dev.engranaje.test.ProcessAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.engranaje.test.ProcessInstance;
import dev.engranaje.test.ProcessTest;
import dev.engranaje.test.ProcessTestEngine;
import dev.engranaje.workers.ledger.SqliteIdempotencyLedger;
import dev.engranaje.workers.runtime.WorkerRuntime;
import dev.engranaje.workers.secrets.SecretSource;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mail workers, through the WorkerRuntime, answering their jobs in a process test with GreenMail
 * as the mail server: no password in incidents, variables or logs, and fetched mail handed over as
 * small variables with file references. The crash and redelivery cases, which need a worker process
 * that dies holding its job, stay in {@link MailEndToEndTest}.
 */
@ProcessTest
class MailWorkersEndToEndTest {
  private static final String SEND = "rpa:mail.send:1";
  private static final String FETCH = "rpa:mail.fetch:1";

  @RegisterExtension static final GreenMailExtension greenMail = MailTestServers.greenMail();

  @TempDir Path directory;
  ProcessTestEngine engine;
  private SqliteIdempotencyLedger ledger;
  private WorkerRuntime runtime;

  @BeforeEach
  void openLedger() {
    ledger = SqliteIdempotencyLedger.open(directory.resolve("ledger.db"), Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    if (runtime != null) {
      runtime.close();
    }
    ledger.close();
  }

  private void serve(Map<String, String> secrets) {
    runtime = WorkerRuntime.builder(engine.client()).ledger(ledger).workspaceRoot(directory.resolve("ws"))
        .secrets(SecretSource.of(secrets)).worker(new SendMailWorker(MailTestServers.trusted()))
        .worker(new FetchMailWorker(MailTestServers.trusted())).build();
    engine.worker(SEND, runtime.handler(SEND));
    engine.worker(FETCH, runtime.handler(FETCH));
  }

  private ProcessInstance run(String jobType, Map<String, Object> variables) {
    String processId = ProcessTestEngine.uniqueId("mail");
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("mail", t -> t.zeebeJobType(jobType)).endEvent("done").done());
    return engine.startInstance(processId, variables);
  }

  @Test
  void shouldRaiseAnIncidentWithoutThePasswordWhenTheSmtpLoginFails() {
    // given
    String wrongPassword = "N0t-the-Gr33nMail-password";
    Map<String, Object> variables = new HashMap<>(Map.of("host", MailTestServers.HOST, "port", greenMail.getSmtp().getPort(),
        "security", "none", "from", "bot@acme.example", "to", "ana@example.com", "subject", "Invoice F-19",
        "textBody", "Dear {{name}}, your invoice is attached.", "values", Map.of("name", "Ana")));
    variables.put("username", MailTestServers.LOGIN);
    variables.put("password", "secrets.SMTP_PASSWORD");
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PrintStream standardError = System.err;
    System.setErr(new PrintStream(new TeeStream(standardError, log), true, StandardCharsets.UTF_8));
    String message;
    try {
      serve(Map.of("SMTP_PASSWORD", wrongPassword));

      // when
      ProcessInstance instance = run(SEND, variables);
      assertThat(instance).hasIncident("JOB_NO_RETRIES", "to accept the login");
      message = engine.incidents(instance.key()).get(0).getErrorMessage();

      // then
      assertThat(assertThat(instance).variables().toString()).contains("secrets.SMTP_PASSWORD").doesNotContain(wrongPassword);
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
    serve(Map.of("IMAP_PASSWORD", MailTestServers.PASSWORD));

    // when
    ProcessInstance instance = run(FETCH, Map.of("host", MailTestServers.HOST, "port", greenMail.getImap().getPort(),
        "security", "none", "username", MailTestServers.LOGIN, "password", "secrets.IMAP_PASSWORD", "hasAttachment", true));

    // then
    assertThat(instance).isCompleted().hasVariable("messageCount", 1).hasVariable("skipped", List.of());
    Map<String, Object> variables = assertThat(instance).variables();
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
