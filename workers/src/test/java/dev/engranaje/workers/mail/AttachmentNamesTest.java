package dev.engranaje.workers.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeBodyPart;
import org.junit.jupiter.api.Test;

class AttachmentNamesTest {

  private static String declared(String contentType, String disposition) throws Exception {
    MimeBodyPart part = new MimeBodyPart();
    part.setHeader("Content-Type", contentType);
    if (disposition != null) {
      part.setHeader("Content-Disposition", disposition);
    }
    return AttachmentNames.declared(part);
  }

  @Test
  void shouldDecodeRfc2231AndRfc2047NamesWhenDeclared() throws Exception {
    assertThat(declared("application/pdf", "attachment; filename*=UTF-8''%E2%82%AC%20rates.pdf")).isEqualTo("€ rates.pdf");
    assertThat(declared("application/pdf", "attachment; filename=\"=?UTF-8?Q?M=C3=A4rz?= =?UTF-8?Q?.pdf?=\""))
        .isEqualTo("März.pdf");
    assertThat(declared("application/pdf; name=\"from-type.pdf\"", null)).isEqualTo("from-type.pdf");
    assertThat(declared("text/plain; name==?koi8-r?B?89DJ08/LLmRvYw==?=", "attachment; filename==?koi8-r?B?89DJ08/LLmRvYw==?="))
        .isEqualTo("Список.doc");
    assertThat(declared("application/pdf", "inline")).isNull();
  }

  @Test
  void shouldStripDirectoriesAndTraversalWhenNamesArePaths() {
    assertThat(AttachmentNames.safe("../../../etc/passwd")).isEqualTo("passwd");
    assertThat(AttachmentNames.safe("..\\..\\Windows\\win.ini")).isEqualTo("win.ini");
    assertThat(AttachmentNames.safe("/absolute/report.pdf")).isEqualTo("report.pdf");
    assertThat(AttachmentNames.safe("..")).isNull();
    assertThat(AttachmentNames.safe(" . ")).isNull();
    assertThat(AttachmentNames.safe("dir/")).isNull();
  }

  @Test
  void shouldReplaceControlAndReservedCharactersWhenPresent() {
    assertThat(AttachmentNames.safe("a\u0000b\r\nc?.pdf")).isEqualTo("a_b__c_.pdf");
    assertThat(AttachmentNames.safe("in<voice>:|*\".pdf")).isEqualTo("in_voice_____.pdf");
    assertThat(AttachmentNames.safe("evil\u202Efdp.exe")).isEqualTo("evil_fdp.exe");
    assertThat(AttachmentNames.safe("CON")).isEqualTo("_CON");
    assertThat(AttachmentNames.safe("lpt1.txt")).isEqualTo("_lpt1.txt");
    assertThat(AttachmentNames.safe(".hidden")).isEqualTo("hidden");
  }

  @Test
  void shouldShortenLongNamesKeepingTheExtensionWhenOverTheLimit() {
    String name = AttachmentNames.safe("x".repeat(300) + ".pdf");

    assertThat(name).hasSize(120).endsWith("x.pdf");
  }

  @Test
  void shouldNumberDuplicatesIgnoringCaseWhenNamesRepeat() {
    AttachmentNames names = new AttachmentNames();

    assertThat(names.unique("invoice.pdf")).isEqualTo("invoice.pdf");
    assertThat(names.unique("INVOICE.pdf")).isEqualTo("INVOICE (2).pdf");
    assertThat(names.unique("invoice.pdf")).isEqualTo("invoice (3).pdf");
    assertThat(names.unique("README")).isEqualTo("README");
    assertThat(names.unique("readme")).isEqualTo("readme (2)");
  }
}
