package dev.engranaje.workers.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engranaje.workers.api.BusinessError;
import dev.engranaje.workers.api.JobContext;
import dev.engranaje.workers.api.TechnicalFailure;
import dev.engranaje.workers.ledger.LedgerEntry;
import dev.engranaje.workers.ledger.SqliteIdempotencyLedger;
import dev.engranaje.workers.mail.ScriptedSmtpServer.Script;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a send fails against servers that refuse, defer or vanish mid-message. */
class SmtpTransmitterTest {
  @TempDir Path root;
  private SqliteIdempotencyLedger ledger;
  private final SendMailWorker worker = new SendMailWorker(MailTestServers.trusted());

  @BeforeEach
  void openLedger() {
    ledger = SqliteIdempotencyLedger.open(root.resolve("ledger.db"), Clock.systemUTC());
  }

  @AfterEach
  void closeLedger() {
    ledger.close();
  }

  private JobContext job(long key) {
    return MailTestServers.context("rpa:mail.send:1", key, root.resolve("ws"), ledger);
  }

  @Test
  void shouldRaiseMailRejectedAndRecordNothingWhenTheServerRefusesTheRecipient() throws Exception {
    try (ScriptedSmtpServer server = new ScriptedSmtpServer(Script.RECIPIENT_REPLY, "550 5.1.1 no such user")) {
      assertThatThrownBy(() -> worker.handle(MailInputs.send(server.port(), Map.of()), job(1)))
          .isInstanceOfSatisfying(BusinessError.class, error -> assertThat(error.code()).isEqualTo("MAIL_REJECTED"))
          .hasMessage(String.format(SmtpTransmitter.REJECTED, "SMTP server 127.0.0.1:" + server.port() + " (none)",
              "ana@example.com", "550 5.1.1 no such user"));
      assertThat(server.messagesRead).hasValue(0);
    }
    assertThat(ledger.find("rpa:mail.send:1:1")).isEmpty();
  }

  @Test
  void shouldFailForARetryWhenTheServerDefersTheRecipient() throws Exception {
    try (ScriptedSmtpServer server = new ScriptedSmtpServer(Script.RECIPIENT_REPLY, "451 4.7.1 greylisted, try later")) {
      assertThatThrownBy(() -> worker.handle(MailInputs.send(server.port(), Map.of()), job(2)))
          .isInstanceOfSatisfying(TechnicalFailure.class, failure -> assertThat(failure.isRetryable()).isTrue())
          .hasMessageContaining("but it deferred it (451 4.7.1 greylisted, try later); the job is retried");
    }
    assertThat(ledger.find("rpa:mail.send:1:2")).isEmpty();
  }

  @Test
  void shouldReportTheSendInDoubtAndKeepTheLedgerEntryWhenTheConnectionDropsAfterTheMessage() throws Exception {
    try (ScriptedSmtpServer server = new ScriptedSmtpServer(Script.DROP_AFTER_DATA, null)) {
      assertThatThrownBy(() -> worker.handle(MailInputs.send(server.port(), Map.of()), job(3)))
          .isInstanceOfSatisfying(TechnicalFailure.class, failure -> assertThat(failure.isRetryable()).isFalse())
          .hasMessageContaining("it may have happened. Check it, then run 'rpa worker ledger forget rpa:mail.send:1:3'")
          .hasMessageContaining("Expected the SMTP server 127.0.0.1:" + server.port()
              + " (none) to confirm the message, but the connection failed while it was being sent");
      assertThat(server.messagesRead).hasValue(1);

      // a redelivery does not send again: it raises the same in-doubt failure
      assertThatThrownBy(() -> worker.handle(MailInputs.send(server.port(), Map.of()), job(3)))
          .hasMessageStartingWith("Expected side effect 'rpa:mail.send:1:3' to be recorded as done or not started");
      assertThat(server.messagesRead).hasValue(1);
    }
    assertThat(ledger.find("rpa:mail.send:1:3")).get().extracting(LedgerEntry::state).isEqualTo(LedgerEntry.State.STARTED);
  }

  @Test
  void shouldFailForARetryWhenNoServerListens() throws Exception {
    int port;
    try (ScriptedSmtpServer gone = new ScriptedSmtpServer(Script.RECIPIENT_REPLY, "250 OK")) {
      port = gone.port();
    }

    assertThatThrownBy(() -> worker.handle(MailInputs.send(port, Map.of()), job(4)))
        .isInstanceOfSatisfying(TechnicalFailure.class, failure -> assertThat(failure.isRetryable()).isTrue())
        .hasMessageStartingWith("Expected to connect to the SMTP server 127.0.0.1:" + port + " (none), but ");
    assertThat(ledger.find("rpa:mail.send:1:4")).isEmpty();
  }
}
