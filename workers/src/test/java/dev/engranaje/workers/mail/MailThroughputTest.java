package dev.engranaje.workers.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import dev.engranaje.workers.api.JobContext;
import dev.engranaje.workers.ledger.SqliteIdempotencyLedger;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Throughput figures for the README, run on demand ({@code -Dmail.benchmark=true}): they print what
 * they measure and assert only that everything arrived intact, never a time.
 */
@EnabledIfSystemProperty(named = "mail.benchmark", matches = "true")
class MailThroughputTest {
  private static final int MESSAGES = 200;
  private static final int ATTACHMENT_BYTES = 256 * 1024;

  @RegisterExtension static final GreenMailExtension greenMail = MailTestServers.greenMail();

  @TempDir Path root;

  @Test
  void shouldSendAndFetchEveryMessageIntactWhenMeasuringThroughput() throws Exception {
    byte[] pdf = new byte[ATTACHMENT_BYTES];
    new Random(17).nextBytes(pdf);
    try (SqliteIdempotencyLedger ledger = SqliteIdempotencyLedger.open(root.resolve("ledger.db"), Clock.systemUTC())) {
      // send: one job per mail, each with the attachment
      JobContext first = MailTestServers.context("rpa:mail.send:1", 0, root.resolve("ws"), ledger);
      Files.write(first.workspace().resolveForWriting("out/statement.pdf"), pdf);
      SendMailWorker sender = new SendMailWorker(MailTestServers.trusted());
      long sendStart = System.nanoTime();
      for (int i = 1; i <= 50; i++) {
        sender.handle(MailInputs.send(greenMail.getSmtp().getPort(), Map.of("to", "clerk@example.com",
            "subject", "Statement {{n}}", "values", Map.of("n", i), "attachments", "out/statement.pdf")),
            MailTestServers.context("rpa:mail.send:1", i, root.resolve("ws"), ledger));
      }
      double sendSeconds = (System.nanoTime() - sendStart) / 1e9;
      assertThat(greenMail.getReceivedMessages()).hasSize(50);

      // fetch: one job over many messages
      GreenMailUser user = greenMail.getUserManager().getUserByEmail(MailTestServers.USER);
      for (int i = 0; i < MESSAGES; i++) {
        MimeMessage message = TestMails.message("bank@example.org", "Statement " + i);
        MimeMultipart mixed = new MimeMultipart("mixed");
        mixed.addBodyPart(TestMails.textPart("Statement " + i + " attached."));
        MimeBodyPart attachment = TestMails.binary(pdf, "application/pdf");
        attachment.setFileName("statement-" + i + ".pdf");
        attachment.setDisposition(Part.ATTACHMENT);
        mixed.addBodyPart(attachment);
        message.setContent(mixed);
        message.saveChanges();
        user.deliver(message);
      }
      long fetchStart = System.nanoTime();
      FetchMailResult result = new FetchMailWorker(MailTestServers.trusted()).handle(
          MailInputs.fetch(greenMail.getImap().getPort(), Map.of("maxMessages", MESSAGES)),
          MailTestServers.context("rpa:mail.fetch:1", 1000, root.resolve("ws"), ledger));
      double fetchSeconds = (System.nanoTime() - fetchStart) / 1e9;

      assertThat(result.messageCount()).isEqualTo(MESSAGES);
      assertThat(result.messages()).allSatisfy(mail -> assertThat(mail.attachments()).singleElement()
          .satisfies(a -> assertThat(a.size()).isEqualTo(ATTACHMENT_BYTES)));
      System.out.printf("MAIL BENCHMARK: sent 50 mails with a %d KiB attachment in %.2f s (%.1f mails/s);"
              + " fetched %d messages with a %d KiB attachment in one job in %.2f s (%.1f messages/s)%n",
          ATTACHMENT_BYTES / 1024, sendSeconds, 50 / sendSeconds, MESSAGES, ATTACHMENT_BYTES / 1024, fetchSeconds,
          MESSAGES / fetchSeconds);
    }
  }
}
