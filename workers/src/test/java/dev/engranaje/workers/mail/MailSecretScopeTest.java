package dev.engranaje.workers.mail;

import static dev.engranaje.test.ProcessAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.engranaje.test.ProcessInstance;
import dev.engranaje.test.ProcessTest;
import dev.engranaje.test.ProcessTestEngine;
import dev.engranaje.workers.ledger.SqliteIdempotencyLedger;
import dev.engranaje.workers.runtime.WorkerRuntime;
import dev.engranaje.workers.secrets.SecretBindings;
import dev.engranaje.workers.secrets.SecretSource;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
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
 * Must show 4 of issue 9 for the mail workers, with the real engine and GreenMail: an SMTP or IMAP
 * password bound to another host is never sent to this server (no mail accepted, no login), and a
 * password the worker was not given is an incident naming it.
 */
@ProcessTest
class MailSecretScopeTest {
  @RegisterExtension static final GreenMailExtension greenMail = MailTestServers.greenMail();

  @TempDir Path directory;
  ProcessTestEngine engine;
  private SqliteIdempotencyLedger ledger;
  private WorkerRuntime runtime;

  @BeforeEach
  void start() {
    ledger = SqliteIdempotencyLedger.open(directory.resolve("ledger.db"), Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    if (runtime != null) {
      runtime.close();
    }
    ledger.close();
  }

  private ProcessInstance run(String jobType, Map<String, Object> variables, SecretBindings bindings) {
    runtime = WorkerRuntime.builder(engine.client()).ledger(ledger).workspaceRoot(directory.resolve("ws"))
        .secrets(SecretSource.environment(Map.of("RPA_SECRET_MAIL_PASSWORD", MailTestServers.PASSWORD,
            "SMTP_PASSWORD", "plain-variable-value")))
        .bindings(bindings)
        .worker(new SendMailWorker(MailTestServers.trusted()))
        .worker(new FetchMailWorker(MailTestServers.trusted())).build();
    engine.worker(jobType, runtime.handler(jobType));
    String processId = ProcessTestEngine.uniqueId("mail-secret");
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("mail", t -> t.zeebeJobType(jobType)).endEvent().done());
    return engine.startInstance(processId, variables);
  }

  /** The message of the incident the job ended in. */
  private String incidentMessage(ProcessInstance instance) {
    assertThat(instance).hasIncident("JOB_NO_RETRIES", "Expected secret");
    return engine.incidents(instance.key()).get(0).getErrorMessage();
  }

  private static Map<String, Object> mail(int port, String password) {
    Map<String, Object> variables = new HashMap<>(Map.of("host", MailTestServers.HOST, "port", port, "security", "none",
        "username", MailTestServers.LOGIN, "password", password, "from", "bot@acme.example", "to", "ana@example.com",
        "subject", "Invoice", "textBody", "Dear Ana"));
    return variables;
  }

  @Test
  void shouldSendNoMailWhenThePasswordIsBoundToAnotherSmtpHost() {
    // when
    int port = greenMail.getSmtp().getPort();
    ProcessInstance instance = run("rpa:mail.send:1", mail(port, "secrets.MAIL_PASSWORD"),
        SecretBindings.of(Map.of("MAIL_PASSWORD", List.of("smtp.acme.example"))));

    // then
    String message = incidentMessage(instance);
    assertThat(message).contains("Expected secret 'MAIL_PASSWORD' to be sent only to [smtp.acme.example], but the job sends it to"
        + " 127.0.0.1:" + port).doesNotContain(MailTestServers.PASSWORD);
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void shouldSendNoMailWhenThePasswordIsNotGiven() {
    // when
    ProcessInstance instance = run("rpa:mail.send:1", mail(greenMail.getSmtp().getPort(), "secrets.SMTP_PASSWORD"), SecretBindings.NONE);

    // then
    String message = incidentMessage(instance);
    assertThat(message).contains("Expected secret 'SMTP_PASSWORD' to be given to this worker, but",
        "export it as RPA_SECRET_SMTP_PASSWORD").doesNotContain("plain-variable-value");
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void shouldNotConnectToImapWhenThePasswordIsBoundToAnotherPort() throws Exception {
    // given: a listening socket as the IMAP server; a connection attempt would be pending on it
    try (ServerSocketChannel imap = ServerSocketChannel.open()) {
      imap.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      imap.configureBlocking(false);
      int port = ((InetSocketAddress) imap.getLocalAddress()).getPort();
      int imaps = greenMail.getImaps().getPort();

      // when
      ProcessInstance instance = run("rpa:mail.fetch:1", Map.of("host", MailTestServers.HOST, "port", port, "security", "none",
          "username", MailTestServers.LOGIN, "password", "secrets.MAIL_PASSWORD"),
          SecretBindings.of(Map.of("MAIL_PASSWORD", List.of("127.0.0.1:" + imaps))));

      // then
      String message = incidentMessage(instance);
      assertThat(message).contains("Expected secret 'MAIL_PASSWORD' to be sent only to [127.0.0.1:" + imaps
          + "], but the job sends it to 127.0.0.1:" + port).doesNotContain(MailTestServers.PASSWORD);
      assertThat(imap.accept()).as("a connection to the IMAP port").isNull();
    }
  }
}
