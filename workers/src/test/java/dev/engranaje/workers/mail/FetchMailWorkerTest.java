package dev.engranaje.workers.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import dev.engranaje.workers.api.BusinessError;
import dev.engranaje.workers.api.JobContext;
import dev.engranaje.workers.api.TechnicalFailure;
import dev.engranaje.workers.ledger.SqliteIdempotencyLedger;
import jakarta.mail.Folder;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class FetchMailWorkerTest {
  @RegisterExtension static final GreenMailExtension greenMail = MailTestServers.greenMail();

  @TempDir Path root;
  private SqliteIdempotencyLedger ledger;
  private final FetchMailWorker worker = new FetchMailWorker(MailTestServers.trusted());

  @BeforeEach
  void openLedger() {
    ledger = SqliteIdempotencyLedger.open(root.resolve("ledger.db"), Clock.systemUTC());
  }

  @AfterEach
  void closeLedger() {
    ledger.close();
  }

  private JobContext job(long key) {
    return MailTestServers.context("rpa:mail.fetch:1", key, root.resolve("ws"), ledger);
  }

  private int imap() {
    return greenMail.getImap().getPort();
  }

  private void deliver(MimeMessage... messages) {
    GreenMailUser user = greenMail.getUserManager().getUserByEmail(MailTestServers.USER);
    for (MimeMessage message : messages) {
      user.deliver(message);
    }
  }

  private FetchMailResult fetch(long jobKey, Map<String, Object> input) throws Exception {
    return worker.handle(MailInputs.fetch(imap(), input), job(jobKey));
  }

  private byte[] file(long jobKey, String reference) throws Exception {
    return Files.readAllBytes(job(jobKey).workspace().resolve(reference));
  }

  @Test
  void shouldFetchWhatSendMailWorkerSentWithItsAttachmentsAndMarkItSeen() throws Exception {
    // given
    JobContext sender = MailTestServers.context("rpa:mail.send:1", 1, root.resolve("ws"), ledger);
    Files.write(sender.workspace().resolveForWriting("out/invoice 17.pdf"), TestMails.PDF);
    new SendMailWorker(MailTestServers.trusted()).handle(MailInputs.send(greenMail.getSmtp().getPort(), Map.of(
        "to", MailTestServers.USER, "subject", "Invoice {{n}}", "textBody", "Hello,\n\n  invoice {{n}} is attached.",
        "values", Map.of("n", 17), "attachments", "out/invoice 17.pdf")), sender);

    // when
    FetchMailResult result = fetch(2, Map.of());

    // then
    assertThat(result.messageCount()).isEqualTo(1);
    FetchedMail mail = result.messages().get(0);
    assertThat(mail.from()).isEqualTo("Engranaje Bot <bot@acme.example>");
    assertThat(mail.to()).containsExactly(MailTestServers.USER);
    assertThat(mail.subject()).isEqualTo("Invoice 17");
    assertThat(mail.snippet()).isEqualTo("Hello, invoice 17 is attached.");
    assertThat(mail.messageId()).matches("<[0-9a-f]{32}@acme\\.example>");
    assertThat(mail.attachments()).extracting(MailAttachment::name, MailAttachment::contentType, MailAttachment::depth)
        .containsExactly(tuple("invoice 17.pdf", "application/pdf", 0));
    assertThat(file(2, mail.attachments().get(0).file())).isEqualTo(TestMails.PDF);
    assertThat(new String(file(2, mail.textBody()), StandardCharsets.UTF_8)).isEqualTo("Hello,\n\n  invoice 17 is attached.");
    assertThat(new String(file(2, mail.original()), StandardCharsets.UTF_8)).contains("Subject: Invoice 17");
    assertThat(mail.original()).startsWith("mail/INBOX/").endsWith("-" + mail.uid() + "/message.eml");
    assertThat(TestMails.count(imap(), "INBOX", true)).isZero();
  }

  @Test
  void shouldSaveAttachmentsWithAndWithoutDispositionInlineAndNestedAndSinglePart() throws Exception {
    // given
    deliver(TestMails.mixedShapes(), TestMails.forwarded(), TestMails.singlePartPdf());

    // when
    List<FetchedMail> mails = fetch(3, Map.of()).messages();

    // then
    assertThat(mails).hasSize(3);
    assertThat(mails.get(0).attachments())
        .extracting(MailAttachment::name, MailAttachment::contentType, MailAttachment::inline)
        .containsExactly(
            tuple("invoice-17.pdf", "application/pdf", false),
            tuple("part-1.png", "image/png", true),
            tuple("signature.asc", "application/pgp-signature", false),
            tuple("part-2.pdf", "application/pdf", false));
    assertThat(file(3, mails.get(0).attachments().get(1).file())).isEqualTo(TestMails.PNG);
    assertThat(mails.get(0).snippet()).isEqualTo("Please find invoice 17 attached.");
    assertThat(mails.get(1).attachments()).extracting(MailAttachment::name, MailAttachment::depth)
        .containsExactly(tuple("Monthly report.eml", 0), tuple("report.xlsx", 1));
    assertThat(new String(file(3, mails.get(1).attachments().get(1).file()), StandardCharsets.US_ASCII))
        .isEqualTo("PK fake xlsx");
    assertThat(mails.get(1).snippet()).isEqualTo("See the forwarded mail.");
    assertThat(mails.get(2).attachments()).extracting(MailAttachment::name).containsExactly("part-1.pdf");
    assertThat(file(3, mails.get(2).attachments().get(0).file())).isEqualTo(TestMails.PDF);
    assertThat(mails.get(2).textBody()).isNull();
    assertThat(mails).allSatisfy(mail -> assertThat(mail.warnings()).isEmpty());
  }

  @Test
  void shouldDecodeAndSanitiseFileNamesAndKeepDuplicatesApart() throws Exception {
    // given
    deliver(TestMails.awkwardNames());

    // when
    FetchedMail mail = fetch(4, Map.of()).messages().get(0);

    // then
    assertThat(mail.attachments()).extracting(MailAttachment::name).containsExactly(
        "Überweisung März.pdf", "€ rates 2026.pdf", "statement.pdf", "STATEMENT (2).pdf", "passwd", "boot.ini",
        "part-1.pdf", "_CON.pdf");
    Path attachments = job(4).workspace().resolve(mail.attachments().get(0).file()).getParent();
    try (var files = Files.list(attachments)) {
      assertThat(files).hasSize(8).allSatisfy(file -> assertThat(file.getParent()).isEqualTo(attachments));
    }
  }

  @Test
  void shouldFetchOnlyWhatTheFiltersSelectOldestFirst() throws Exception {
    // given
    deliver(TestMails.text("ana@example.org", "Invoice 1", "one"), TestMails.text("luis@example.org", "Invoice 2", "two"),
        TestMails.text("ana@example.org", "Newsletter", "three"), TestMails.mixedShapes());

    // when / then
    assertThat(fetch(5, Map.of("from", "ana@example.org", "markSeen", false)).messages())
        .extracting(FetchedMail::subject).containsExactly("Invoice 1", "Newsletter");
    assertThat(fetch(6, Map.of("subjectContains", "invoice", "markSeen", false)).messages())
        .extracting(FetchedMail::subject).containsExactly("Invoice 1", "Invoice 2", "Invoice 17 with everything");
    assertThat(fetch(7, Map.of("hasAttachment", true, "markSeen", false)).messages())
        .extracting(FetchedMail::subject).containsExactly("Invoice 17 with everything");
    assertThat(fetch(8, Map.of("since", Instant.now().plus(1, ChronoUnit.DAYS).toString(), "markSeen", false)).messages())
        .isEmpty();
    assertThat(fetch(9, Map.of("since", "2020-01-01", "maxMessages", 2)).messages())
        .extracting(FetchedMail::subject).containsExactly("Invoice 1", "Invoice 2");
    assertThat(fetch(10, Map.of()).messages())
        .extracting(FetchedMail::subject).containsExactly("Newsletter", "Invoice 17 with everything");
    assertThat(fetch(11, Map.of("unseenOnly", false, "markSeen", false)).messageCount()).isEqualTo(4);
  }

  @Test
  void shouldMoveFetchedMessagesWhenMoveToIsGiven() throws Exception {
    // given
    try (Store store = TestMails.mailbox(imap())) {
      store.getFolder("Processed").create(Folder.HOLDS_MESSAGES);
    }
    deliver(TestMails.text("ana@example.org", "Invoice 1", "one"));

    // when
    FetchMailResult result = fetch(12, Map.of("moveTo", "Processed"));

    // then
    assertThat(result.messageCount()).isEqualTo(1);
    assertThat(TestMails.count(imap(), "INBOX", false)).isZero();
    assertThat(TestMails.count(imap(), "Processed", false)).isEqualTo(1);
    assertThat(TestMails.count(imap(), "Processed", true)).isZero();
  }

  @Test
  void shouldFailBeforeFetchingWhenTheMoveToFolderDoesNotExist() throws Exception {
    deliver(TestMails.text("ana@example.org", "Invoice 1", "one"));

    assertThatThrownBy(() -> fetch(13, Map.of("moveTo", "Archive/2026")))
        .isInstanceOf(TechnicalFailure.class)
        .hasMessage(String.format(ImapMailbox.NO_FOLDER, "Archive/2026", "IMAP server 127.0.0.1:" + imap() + " (none)",
            "create it or change input 'moveTo'"));
    assertThat(TestMails.count(imap(), "INBOX", true)).isEqualTo(1);
  }

  @Test
  void shouldSkipOversizedMessagesAndLeaveThemUnreadWhenOversizedIsSkip() throws Exception {
    // given
    deliver(TestMails.text("ana@example.org", "Small", "x"), TestMails.text("ana@example.org", "Big", "x".repeat(20_000)));

    // when
    FetchMailResult result = fetch(14, Map.of("maxMessageBytes", 5000));

    // then
    assertThat(result.messages()).extracting(FetchedMail::subject).containsExactly("Small");
    assertThat(result.skipped()).singleElement().satisfies(skipped -> {
      assertThat(skipped.subject()).isEqualTo("Big");
      assertThat(skipped.reason()).startsWith("larger than maxMessageBytes (");
    });
    assertThat(TestMails.count(imap(), "INBOX", true)).isEqualTo(1);
  }

  @Test
  void shouldRaiseTooLargeWithoutMarkingAnythingWhenOversizedIsFail() throws Exception {
    deliver(TestMails.text("ana@example.org", "Small", "x"), TestMails.text("ana@example.org", "Big", "x".repeat(20_000)));

    assertThatThrownBy(() -> fetch(15, Map.of("maxMessageBytes", 5000, "oversized", "fail")))
        .isInstanceOfSatisfying(BusinessError.class, error -> assertThat(error.code()).isEqualTo("MAIL_TOO_LARGE"))
        .hasMessageStartingWith("Expected messages of at most 5000 bytes (input 'maxMessageBytes'), but message UID");
    assertThat(TestMails.count(imap(), "INBOX", true)).isEqualTo(2);
    assertThat(ledger.find("rpa:mail.fetch:1:15")).isEmpty();
  }

  @Test
  void shouldLeaveMessagesUnreadAndDropTheOriginalWhenAsked() throws Exception {
    deliver(TestMails.text("ana@example.org", "Invoice 1", "one"));

    FetchedMail mail = fetch(16, Map.of("markSeen", false, "keepOriginal", false)).messages().get(0);

    assertThat(mail.original()).isNull();
    assertThat(Files.exists(job(16).workspace().resolve(mail.textBody()).resolveSibling("message.eml"))).isFalse();
    assertThat(TestMails.count(imap(), "INBOX", true)).isEqualTo(1);
  }

  @Test
  void shouldFetchOverImapsTrustingTheTestCertificate() throws Exception {
    deliver(TestMails.text("ana@example.org", "Invoice 1", "one"));

    FetchMailResult result = worker.handle(MailInputs.fetch(greenMail.getImaps().getPort(), Map.of("security", "ssl")), job(17));

    assertThat(result.messages()).extracting(FetchedMail::subject).containsExactly("Invoice 1");
  }

  @Test
  void shouldReturnTheRecordedListWithoutTouchingTheMailboxWhenTheJobIsHandledAgain() throws Exception {
    // given
    deliver(TestMails.text("ana@example.org", "Invoice 1", "one"));
    FetchMailResult first = fetch(18, Map.of());
    deliver(TestMails.text("ana@example.org", "Invoice 2", "two"));

    // when
    FetchMailResult again = fetch(18, Map.of());

    // then
    assertThat(again).isEqualTo(first);
    assertThat(TestMails.count(imap(), "INBOX", true)).isEqualTo(1);
  }

  @Test
  void shouldRaiseAnInDoubtFailureWithoutTouchingTheMailboxWhenAnEarlierAttemptDiedWhileMarking() throws Exception {
    // given: an attempt that started marking and never recorded its result
    deliver(TestMails.text("ana@example.org", "Invoice 1", "one"));
    ledger.start("rpa:mail.fetch:1:19", "rpa:mail.fetch:1", 19);

    // when / then
    assertThatThrownBy(() -> fetch(19, Map.of()))
        .isInstanceOfSatisfying(TechnicalFailure.class, failure -> assertThat(failure.isRetryable()).isFalse())
        .hasMessageContaining("it may have happened. Check it, then run 'rpa worker ledger forget rpa:mail.fetch:1:19'");
    assertThat(TestMails.count(imap(), "INBOX", true)).isEqualTo(1);
    assertThat(Files.exists(root.resolve("ws/4711/mail"))).isFalse();
  }
}
