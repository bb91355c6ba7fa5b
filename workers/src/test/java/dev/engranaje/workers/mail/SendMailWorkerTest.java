package dev.engranaje.workers.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.engranaje.workers.api.BusinessError;
import dev.engranaje.workers.api.JobContext;
import dev.engranaje.workers.api.TechnicalFailure;
import dev.engranaje.workers.ledger.SqliteIdempotencyLedger;
import jakarta.mail.Address;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class SendMailWorkerTest {
  @RegisterExtension static final GreenMailExtension greenMail = MailTestServers.greenMail();

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

  private int smtp() {
    return greenMail.getSmtp().getPort();
  }

  @Test
  void shouldSendTemplatedTextAndHtmlWithEscapedValuesWhenBothBodiesGiven() throws Exception {
    // given
    SendMailInput input = MailInputs.send(smtp(), Map.of(
        "to", List.of("ana@example.com"), "cc", "Luis <luis@example.com>", "bcc", List.of("audit@example.com"),
        "replyTo", "ap@acme.example",
        "subject", "Invoice {{invoice.number}}\r\nBcc: evil@example.com",
        "textBody", "Dear {{customer.name}}, total {{invoice.total}} EUR",
        "htmlBody", "<p>Dear {{customer.name}}, total <b>{{invoice.total}}</b> EUR</p>",
        "values", Map.of("customer", Map.of("name", "Ana <script>&"), "invoice", Map.of("number", "F-17", "total", 1250.5))));

    // when
    SentMail sent = worker.handle(input, job(1));

    // then
    MimeMessage[] received = greenMail.getReceivedMessages();
    assertThat(received).hasSize(3); // one per recipient: to, cc, bcc
    MimeMessage mail = received[0];
    assertThat(mail.getSubject()).isEqualTo("Invoice F-17  Bcc: evil@example.com");
    assertThat(mail.getHeader("Bcc")).isNull();
    assertThat(addresses(mail.getRecipients(RecipientType.CC))).containsExactly("Luis <luis@example.com>");
    assertThat(addresses(mail.getReplyTo())).containsExactly("ap@acme.example");
    assertThat(mail.getMessageID()).isEqualTo(sent.messageId()).matches("<[0-9a-f]{32}@acme\\.example>");
    Multipart alternative = (Multipart) mail.getContent();
    assertThat(alternative.getBodyPart(0).getContent()).isEqualTo("Dear Ana <script>&, total 1250.5 EUR");
    assertThat((String) alternative.getBodyPart(1).getContent())
        .isEqualTo("<p>Dear Ana &lt;script&gt;&amp;, total <b>1250.5</b> EUR</p>");
    assertThat(sent.recipients()).isEqualTo(3);
  }

  @Test
  void shouldAttachWorkspaceFilesWhenAttachmentsGiven() throws Exception {
    // given
    JobContext context = job(2);
    Path invoice = context.workspace().resolveForWriting("out/Factura año €.pdf");
    Files.write(invoice, "%PDF-1.4 fake".getBytes(StandardCharsets.US_ASCII));
    Files.writeString(context.workspace().resolveForWriting("out/rows.csv"), "a;b\n1;2\n");
    SendMailInput input = MailInputs.send(smtp(), Map.of("attachments", List.of("out/Factura año €.pdf", "out/rows.csv")));

    // when
    worker.handle(input, context);

    // then
    Multipart mixed = (Multipart) greenMail.getReceivedMessages()[0].getContent();
    assertThat(mixed.getCount()).isEqualTo(3);
    Part pdf = mixed.getBodyPart(1);
    assertThat(pdf.getFileName()).isEqualTo("Factura año €.pdf");
    assertThat(pdf.getDisposition()).isEqualTo(Part.ATTACHMENT);
    assertThat(pdf.getInputStream().readAllBytes()).isEqualTo(Files.readAllBytes(invoice));
    assertThat(mixed.getBodyPart(2).getFileName()).isEqualTo("rows.csv");
  }

  @Test
  void shouldSendOnceAndReturnTheRecordedResultWhenTheJobIsHandledAgain() throws Exception {
    // given
    SendMailInput input = MailInputs.send(smtp(), Map.of());
    SentMail first = worker.handle(input, job(3));

    // when
    SentMail again = worker.handle(input, job(3));

    // then
    assertThat(greenMail.getReceivedMessages()).hasSize(1);
    assertThat(again).isEqualTo(first);
  }

  @Test
  void shouldSendOnceAcrossJobsWhenTheyShareABusinessIdempotencyKey() throws Exception {
    // given
    SendMailInput reminder = MailInputs.send(smtp(), Map.of("idempotencyKey", "invoice-F-17-reminder-1"));
    SendMailInput other = MailInputs.send(smtp(), Map.of("idempotencyKey", "invoice-F-18-reminder-1"));

    // when
    SentMail first = worker.handle(reminder, job(4));
    SentMail second = worker.handle(reminder, job(5));
    SentMail third = worker.handle(other, job(6));

    // then
    assertThat(greenMail.getReceivedMessages()).hasSize(2);
    assertThat(second.messageId()).isEqualTo(first.messageId());
    assertThat(third.messageId()).isNotEqualTo(first.messageId());
  }

  @Test
  void shouldLogInOverSslWithTheSecretPasswordWhenUsernameGiven() throws Exception {
    // given
    SendMailInput input = MailInputs.send(greenMail.getSmtps().getPort(), Map.of("security", "ssl",
        "username", MailTestServers.LOGIN, "password", "secrets." + MailTestServers.SECRET_NAME));

    // when
    worker.handle(input, job(7));

    // then
    assertThat(greenMail.getReceivedMessages()).hasSize(1);
  }

  @Test
  void shouldRefuseWithoutRevealingThePasswordWhenTheLoginFails() throws Exception {
    // given
    String wrong = "Wr0ng-but-secret-value";
    SendMailInput input = MailInputs.send(smtp(), Map.of("username", MailTestServers.LOGIN, "password", "wrong:" + wrong));
    List<String> mailLog = new ArrayList<>();
    Handler capture = capture(mailLog);

    // when
    Throwable failure;
    try {
      failure = org.assertj.core.api.Assertions.catchThrowable(() -> worker.handle(input, job(8)));
    } finally {
      release(capture);
    }

    // then
    assertThat(failure).isInstanceOf(TechnicalFailure.class);
    assertThat(((TechnicalFailure) failure).isRetryable()).isFalse();
    assertThat(failure.getMessage())
        .startsWith("Expected the SMTP server 127.0.0.1:" + smtp() + " (none) to accept the login of user 'bot'"
            + " with the password from secrets.MAIL_PASSWORD, but it refused it")
        .doesNotContain(wrong);
    assertThat(mailLog).isNotEmpty().noneMatch(line -> line.contains(wrong));
    assertThat(greenMail.getReceivedMessages()).isEmpty();
    assertThat(ledger.find("rpa:mail.send:1:8")).isEmpty();
  }

  @Test
  void shouldRefusePlainTextWhenStartTlsIsChosenButNotOffered() {
    // GreenMail offers no STARTTLS: the worker must not fall back to plain text
    SendMailInput input = MailInputs.send(smtp(), Map.of("security", "starttls"));

    assertThatThrownBy(() -> worker.handle(input, job(9)))
        .isInstanceOf(TechnicalFailure.class)
        .hasMessage(String.format(MailFailures.STARTTLS_MISSING, "SMTP server 127.0.0.1:" + smtp() + " (starttls)"));
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void shouldRefuseTheServerWhenItsCertificateIsNotTrusted() {
    // the JVM's trust store does not know the test certificate
    SendMailWorker untrusting = new SendMailWorker(MailSettings.defaults());
    SendMailInput input = MailInputs.send(greenMail.getSmtps().getPort(), Map.of("security", "ssl"));

    assertThatThrownBy(() -> untrusting.handle(input, job(10)))
        .isInstanceOf(TechnicalFailure.class)
        .hasMessageStartingWith("Expected a verified TLS connection to the SMTP server 127.0.0.1:")
        .matches(failure -> !((TechnicalFailure) failure).isRetryable());
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void shouldRaiseAddressInvalidWhenARecipientIsMalformed() {
    SendMailInput input = MailInputs.send(smtp(), Map.of("to", List.of("ana@example.com", "not an address@")));

    assertThatThrownBy(() -> worker.handle(input, job(11)))
        .isInstanceOfSatisfying(BusinessError.class, error -> {
          assertThat(error.code()).isEqualTo("MAIL_ADDRESS_INVALID");
          // repeated as a variable, for the catching event's output mapping
          assertThat(error.variables()).containsEntry("errorMessage", error.getMessage());
        })
        .hasMessageStartingWith("Expected e-mail addresses in input 'to', but 'not an address@' is not one");
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void shouldFailBeforeSendingAndAllowARetryWhenAPlaceholderHasNoValue() throws Exception {
    // given
    SendMailInput broken = MailInputs.send(smtp(), Map.of("textBody", "Dear {{customer.name}}"));

    // when
    assertThatThrownBy(() -> worker.handle(broken, job(12)))
        .isInstanceOf(TechnicalFailure.class)
        .hasMessage(String.format(MailTemplate.MISSING, "customer.name", "the text body", "customer.name"));

    // then: nothing sent, nothing recorded, so the same job may send once fixed
    assertThat(greenMail.getReceivedMessages()).isEmpty();
    assertThat(ledger.find("rpa:mail.send:1:12")).isEmpty();
    worker.handle(MailInputs.send(smtp(), Map.of("textBody", "Dear {{customer.name}}",
        "values", Map.of("customer", Map.of("name", "Ana")))), job(12));
    assertThat(greenMail.getReceivedMessages()).hasSize(1);
  }

  private static List<String> addresses(Address[] addresses) {
    return Arrays.stream(addresses).map(Address::toString).toList();
  }

  // Jakarta Mail logs through java.util.logging; record everything it writes at its most verbose
  private static Handler capture(List<String> lines) {
    Handler handler = new Handler() {
      @Override
      public void publish(LogRecord record) {
        synchronized (lines) {
          lines.add(record.getLoggerName() + " " + record.getMessage() + " " + Arrays.toString(record.getParameters()));
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    for (String name : List.of("org.eclipse.angus.mail", "jakarta.mail")) {
      Logger logger = Logger.getLogger(name);
      logger.setLevel(Level.ALL);
      logger.addHandler(handler);
    }
    return handler;
  }

  private static void release(Handler handler) {
    for (String name : List.of("org.eclipse.angus.mail", "jakarta.mail")) {
      Logger logger = Logger.getLogger(name);
      logger.removeHandler(handler);
      logger.setLevel(null);
    }
  }
}
