package dev.engranaje.workers.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.engranaje.workers.ledger.SqliteIdempotencyLedger;
import dev.engranaje.workers.workspace.Workspace;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Odd real-world messages (test resources mail/corpus, see SOURCES.md there) delivered into
 * GreenMail and fetched over IMAP: each must be read without failing, with its attachments found.
 */
class MailCorpusTest {
  @RegisterExtension static final GreenMailExtension greenMail = MailTestServers.greenMail();

  @TempDir Path root;

  static Stream<Arguments> corpus() {
    List<String> therapy = List.of("Einfache Sprache - Die Therapiestelle öffnet.pdf", "Öffnung der Therapiestelle.pdf");
    return Stream.of(
        Arguments.of("emil-broken-header.eml", therapy),
        Arguments.of("emil-empty-header.eml", therapy),
        Arguments.of("emil-filename_b64.eml", therapy),
        Arguments.of("emil-html-utf8-as-iso.eml", List.of("xyz.pdf")),
        Arguments.of("emil-latin1-missing-charset.eml", List.of()),
        Arguments.of("emil-pgp-signed-attachment-no-disposition.eml", List.of("signature.asc")),
        Arguments.of("mailparser-base64encodedroot.eml", List.of("screenshot.png")),
        Arguments.of("mailparser-decoderended.eml", List.of("part-1.eml")),
        Arguments.of("mailparser-delivery-status.eml", List.of("part-1.txt", "Example Subject.eml")),
        Arguments.of("mailparser-mixed.eml", List.of()),
        Arguments.of("mailparser-nested.eml", List.of()),
        Arguments.of("mailparser-py-gb2312-8bit.eml", List.of()),
        Arguments.of("mailparser-py-malformed-bounce.eml", List.of("DSN57BAC498.txt", "part-1.txt")),
        Arguments.of("mailparser-py-rfc2047-comma-in-name.eml", List.of()),
        Arguments.of("mime4j-bad-newlines-multiple-parts.eml", List.of()),
        Arguments.of("mime4j-base64encoded-rfc822message-nested.eml", List.of("a simple rfc822 message encoded in a base64 body.eml", "part-1.eml")),
        Arguments.of("mime4j-boundary-name-clash.eml", List.of("Daily_Stats-2022-05-12-0700.pdf")),
        Arguments.of("mime4j-forwarded-as-attachment.eml", List.of("Courbe Sprint.eml", "Sprint-2015-05-18.ods")),
        Arguments.of("mime4j-malformedHeader-noheader.eml", List.of()),
        Arguments.of("mime4j-missing-inner-boundary.eml", List.of()),
        Arguments.of("mime4j-multipartnopart.eml", List.of()),
        Arguments.of("mime4j-obsolete.eml", List.of()),
        Arguments.of("mime4j-russian-headers.eml", List.of("Список.doc")),
        Arguments.of("mime4j-weird-boundary.eml", List.of()));
  }

  private FetchedMail fetchOne(String file) throws Exception {
    try (InputStream in = Files.newInputStream(MailTestServers.resource("mail/corpus/" + file))) {
      greenMail.getUserManager().getUserByEmail(MailTestServers.USER).deliver(new MimeMessage(TestMails.SESSION, in));
    }
    try (SqliteIdempotencyLedger ledger = SqliteIdempotencyLedger.open(root.resolve("ledger.db"), Clock.systemUTC())) {
      FetchMailResult result = new FetchMailWorker(MailTestServers.trusted()).handle(
          MailInputs.fetch(greenMail.getImap().getPort(), Map.of()),
          MailTestServers.context("rpa:mail.fetch:1", 1, root.resolve("ws"), ledger));
      assertThat(result.messages()).hasSize(1);
      return result.messages().get(0);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void shouldReadEveryCorpusMessageAndFindItsAttachmentsWhenFetched(String file, List<String> attachments) throws Exception {
    // when
    FetchedMail mail = fetchOne(file);

    // then
    assertThat(mail.attachments()).extracting(MailAttachment::name).containsExactlyElementsOf(attachments);
    Workspace workspace = Workspace.forInstance(root.resolve("ws"), 4711L, Map.of());
    for (MailAttachment attachment : mail.attachments()) {
      assertThat(Files.size(workspace.resolve(attachment.file()))).as(attachment.name()).isEqualTo(attachment.size());
    }
    assertThat(Files.exists(workspace.resolve(mail.original()))).isTrue();
  }

  @Test
  void shouldDecodeLyingAndMissingCharsetsWhenTheBytesTellTheTruth() throws Exception {
    FetchedMail latin1 = fetchOne("emil-latin1-missing-charset.eml");
    assertThat(latin1.subject()).isEqualTo("Passwort-Änderung ");
    assertThat(latin1.snippet()).startsWith("Passwort-Änderung Sehr geehrte Damen und Herren");
  }

  @Test
  void shouldReadUtf8BytesLabelledGb2312AsUtf8() throws Exception {
    FetchedMail mail = fetchOne("mailparser-py-gb2312-8bit.eml");
    assertThat(mail.subject()).isEqualTo("代开各地增值税发票");
    assertThat(mail.snippet()).startsWith("你好！我公司可代开各类增值税发票");
  }

  @Test
  void shouldKeepAnUndecodableAttachmentAsSentAndSayWhy() throws Exception {
    FetchedMail mail = fetchOne("mime4j-forwarded-as-attachment.eml");
    assertThat(mail.warnings()).singleElement().asString()
        .startsWith("Expected attachment 'Sprint-2015-05-18.ods' to decode as declared, but BASE64Decoder");
    assertThat(mail.attachments().get(1).size()).isPositive();
  }

  @Test
  void shouldWarnAndKeepReadingWhenAMultipartHasNoParts() throws Exception {
    FetchedMail mail = fetchOne("mime4j-missing-inner-boundary.eml");
    assertThat(mail.snippet()).isEqualTo("Foo");
    assertThat(mail.warnings()).containsExactly(String.format(MessageReader.UNREADABLE_PART, "1.2",
        "multipart/alternative", "Missing start boundary"));
  }
}
