package dev.engranaje.workers.finance.einvoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

/**
 * Broken variants of the corpus files, made in the test: each is refused naming the file and the
 * position (or the rule ids), and nothing is guessed. XML parsers never resolve a DTD or entity.
 */
public class EinvoiceMalformedTest {
  private final EinvoiceReader reader = new EinvoiceReader();
  private final En16931Check check = new En16931Check();

  private static String corpus(String name) throws IOException {
    return Files.readString(EinvoiceCorpusTest.resource(name), StandardCharsets.UTF_8);
  }

  private EinvoiceException refusal(String xml, String source) {
    return refusal(xml.getBytes(StandardCharsets.UTF_8), source);
  }

  private EinvoiceException refusal(byte[] content, String source) {
    EinvoiceException refused = catchThrowableOfType(EinvoiceException.class, () -> reader.read(content, source));
    assertThat(refused).as("refusal of " + source).isNotNull();
    assertThat(refused.getMessage()).startsWith("Expected a readable e-invoice in '" + source);
    return refused;
  }

  @Test
  void shouldNameLineAndColumnWhenTheXmlIsTruncated() throws Exception {
    String xml = corpus("peppol-base-example.xml");

    EinvoiceException refused = refusal(xml.substring(0, xml.indexOf("<cac:TaxTotal>") + 40), "cut.xml");

    assertThat(refused.position()).matches("line \\d+, column \\d+");
    assertThat(refused.getMessage()).contains("Expected well-formed XML, but");
    assertThat(refused.unstructured()).isFalse();
  }

  @Test
  void shouldRefuseTheDoctypeWithoutReadingTheEntityWhenTheXmlCarriesAnExternalEntity() throws Exception {
    String xml = corpus("mustang-Factur-X_basic.xml").replaceFirst("<\\?xml[^>]*\\?>",
        "<?xml version=\"1.0\"?>\n<!DOCTYPE rsm:CrossIndustryInvoice [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>")
        .replace("<ram:ID>471102</ram:ID>", "<ram:ID>&xxe;</ram:ID>");

    EinvoiceException refused = refusal(xml, "xxe.xml");

    assertThat(refused.getMessage()).contains(XmlTreeReader.DOCTYPE).doesNotContain("root:");
    assertThat(refused.position()).startsWith("line 2, column ");
  }

  @Test
  void shouldRefuseTheDoctypeWithoutFetchingItWhenTheXmlNamesAnExternalDtd() throws Exception {
    String xml = corpus("peppol-base-example.xml").replaceFirst("<\\?xml[^>]*\\?>",
        "<?xml version=\"1.0\"?>\n<!DOCTYPE Invoice SYSTEM \"http://127.0.0.1:9/evil.dtd\">");

    EinvoiceException refused = refusal(xml, "dtd.xml");

    assertThat(refused.getMessage()).contains(XmlTreeReader.DOCTYPE);
    assertThat(refused.getCause()).isNull();
  }

  @Test
  void shouldRefuseTheDoctypeWhenTheXmlIsAnEntityExpansionBomb() {
    String bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">"
        + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
        + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>\n"
        + "<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\">&lol3;</Invoice>";

    assertThat(refusal(bomb, "bomb.xml").getMessage()).contains(XmlTreeReader.DOCTYPE);
  }

  @Test
  void shouldRefuseNamingTheDepthWhenElementsAreNestedBeyondAnyInvoice() {
    String deep = "<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\">" + "<a>".repeat(100)
        + "</a>".repeat(100) + "</Invoice>";

    EinvoiceException refused = refusal(deep, "deep.xml");

    assertThat(refused.getMessage()).contains("Expected elements nested at most 64 deep");
    assertThat(refused.position()).startsWith("line 1, column ");
  }

  @Test
  void shouldNameRootAndNamespaceWhenTheNamespaceIsWrong() throws Exception {
    String xml = corpus("peppol-base-example.xml")
        .replace("xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"",
            "xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-3\"");

    EinvoiceException refused = refusal(xml, "ns.xml");

    assertThat(refused.getMessage()).contains("but the root element is 'Invoice' in namespace"
        + " 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-3'");
    assertThat(refused.position()).isEqualTo("line 4, column 68 (/Invoice)");
  }

  @Test
  void shouldRefuseAnotherIso20022DocumentWhenItIsNotAnInvoice() throws Exception {
    byte[] pain = Files.readAllBytes(EinvoiceCorpusTest.resource("../pain001/sepaking-pain.001.001.03.xml"));

    assertThat(refusal(pain, "pain.xml").getMessage()).contains("the root element is 'Document' in namespace"
        + " 'urn:iso:std:iso:20022:tech:xsd:pain.001.001.03'");
  }

  @Test
  void shouldSaySoWhenTheInvoiceIsZugferd1() {
    String xml = "<?xml version=\"1.0\"?><rsm:CrossIndustryDocument"
        + " xmlns:rsm=\"urn:ferd:CrossIndustryDocument:invoice:1p0\"/>";

    assertThat(refusal(xml, "zf1.xml").getMessage()).contains("this is ZUGFeRD 1.0 (CrossIndustryDocument,"
        + " namespace 'urn:ferd:CrossIndustryDocument:invoice:1p0'), which is not supported");
  }

  @Test
  void shouldNameTermAndPositionWhenAnAmountIsNotADecimal() throws Exception {
    String xml = corpus("peppol-base-example.xml").replace(
        "<cbc:PayableAmount currencyID=\"EUR\">1656.25</cbc:PayableAmount>",
        "<cbc:PayableAmount currencyID=\"EUR\">1.656,25</cbc:PayableAmount>");

    EinvoiceException refused = refusal(xml, "comma.xml");

    assertThat(refused.getMessage()).endsWith("Expected a decimal number for BT-115, but found '1.656,25'");
    assertThat(refused.position()).isEqualTo("line 144, column 45 (/Invoice/cac:LegalMonetaryTotal/cbc:PayableAmount)");
  }

  @Test
  void shouldNameTermAndPositionWhenADateIsNotIso() throws Exception {
    String xml = corpus("peppol-base-example.xml").replace("<cbc:IssueDate>2017-11-13</cbc:IssueDate>",
        "<cbc:IssueDate>13.11.2017</cbc:IssueDate>");

    EinvoiceException refused = refusal(xml, "date.xml");

    assertThat(refused.getMessage()).endsWith("Expected an ISO date (yyyy-MM-dd) for BT-2, but found '13.11.2017'");
    assertThat(refused.position()).startsWith("line 8, column ");
  }

  @Test
  void shouldRefuseNamingTheAmountWhenItIsInAnotherCurrencyThanTheInvoice() throws Exception {
    String xml = corpus("peppol-base-example.xml").replace(
        "<cbc:TaxInclusiveAmount currencyID=\"EUR\">", "<cbc:TaxInclusiveAmount currencyID=\"USD\">");

    EinvoiceException refused = refusal(xml, "usd.xml");

    assertThat(refused.getMessage()).endsWith("Expected BT-112 in the invoice currency EUR (BT-5), but it is in USD;"
        + " amounts in two currencies cannot be added up");
    assertThat(refused.position()).startsWith("line 142, column 50");
  }

  @Test
  void shouldTakeTheCalendarDateWhenAUblDateCarriesATimeZone() throws Exception {
    String xml = corpus("peppol-base-example.xml").replace("<cbc:IssueDate>2017-11-13</cbc:IssueDate>",
        "<cbc:IssueDate>2017-11-13+01:00</cbc:IssueDate>").replace("<cbc:DueDate>2017-12-01</cbc:DueDate>",
        "<cbc:DueDate>2017-12-01Z</cbc:DueDate>");

    Invoice invoice = reader.read(xml.getBytes(StandardCharsets.UTF_8), "tz.xml").invoice();

    assertThat(invoice.issueDate()).hasToString("2017-11-13");
    assertThat(invoice.dueDate()).hasToString("2017-12-01");
  }

  @Test
  void shouldNameBrCo15AndTheDifferenceWhenTheUblTotalsDoNotAddUp() throws Exception {
    String xml = corpus("peppol-base-example.xml")
        .replace("<cbc:TaxInclusiveAmount currencyID=\"EUR\">1656.25</cbc:TaxInclusiveAmount>",
            "<cbc:TaxInclusiveAmount currencyID=\"EUR\">1600.00</cbc:TaxInclusiveAmount>")
        .replace("<cbc:PayableAmount currencyID=\"EUR\">1656.25</cbc:PayableAmount>",
            "<cbc:PayableAmount currencyID=\"EUR\">1600.00</cbc:PayableAmount>");

    List<RuleViolation> violations = check.check(reader.read(xml.getBytes(StandardCharsets.UTF_8), "sum.xml"));

    assertThat(violations).singleElement().satisfies(v -> {
      assertThat(v.rule()).isEqualTo("BR-CO-15");
      assertThat(v.message()).isEqualTo("Expected the invoice total amount with VAT (BT-112) to equal"
          + " BT-109 1325 + BT-110 331.25 = 1656.25, but it is 1600.00 (difference -56.25)");
      assertThat(v.position()).isEqualTo(
          "line 142, column 50 (/Invoice/cac:LegalMonetaryTotal/cbc:TaxInclusiveAmount)");
    });
  }

  @Test
  void shouldNameBrCo10BrS08AndWarnAboutTheLineWhenACiiLineWasChanged() throws Exception {
    String xml = corpus("mustang-Factur-X_basic.xml").replace(
        "<ram:SpecifiedTradeSettlementLineMonetarySummation>\n                    <ram:LineTotalAmount>198.00",
        "<ram:SpecifiedTradeSettlementLineMonetarySummation>\n                    <ram:LineTotalAmount>189.00");

    List<RuleViolation> violations = check.check(reader.read(xml.getBytes(StandardCharsets.UTF_8), "line.xml"));

    assertThat(violations).extracting(RuleViolation::rule)
        .containsExactly("BR-CO-10", "BR-S-08", En16931Check.LINE_NET);
  }

  @Test
  void shouldReadWithOnlyTheDecimalsWarningWhenTheFourDecimalLineInvoiceHasADueDate() throws Exception {
    String xml = corpus("mustang-line-total-4-decimals.xml").replace("<ram:SpecifiedTradeSettlementHeaderMonetarySummation>",
        "<ram:SpecifiedTradePaymentTerms><ram:DueDateDateTime><udt:DateTimeString format=\"102\">20260131"
            + "</udt:DateTimeString></ram:DueDateDateTime></ram:SpecifiedTradePaymentTerms>"
            + "<ram:SpecifiedTradeSettlementHeaderMonetarySummation>");

    ParsedInvoice parsed = reader.read(xml.getBytes(StandardCharsets.UTF_8), "four.xml");

    assertThat(check.check(parsed)).extracting(RuleViolation::rule, RuleViolation::severity)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("BR-DEC-23", RuleViolation.Severity.WARNING));
    assertThat(parsed.invoice().dueDate()).hasToString("2026-01-31");
  }

  @Test
  void shouldReadACreditNoteWhenTheUblRootIsCreditNote() throws Exception {
    String xml = corpus("peppol-base-example.xml").replace("Invoice-2", "CreditNote-2")
        .replace("<Invoice ", "<CreditNote ").replace("</Invoice>", "</CreditNote>")
        .replace("<cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>", "<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>")
        .replace("cac:InvoiceLine>", "cac:CreditNoteLine>").replace("cbc:InvoicedQuantity", "cbc:CreditedQuantity");

    ParsedInvoice parsed = reader.read(xml.getBytes(StandardCharsets.UTF_8), "credit.xml");

    assertThat(parsed.invoice().typeCode()).isEqualTo("381");
    assertThat(parsed.invoice().creditNote()).isTrue();
    assertThat(ReadEinvoiceWorker.summary(parsed.invoice()).kind()).isEqualTo("credit-note");
    assertThat(parsed.invoice().lines()).extracting(InvoiceLine::quantity).map(Object::toString).containsExactly("7", "-3");
    assertThat(check.check(parsed)).isEmpty();
  }

  @Test
  void shouldReadItAsXmlWhenAnXmlInvoiceMentionsAPdfHeaderInANote() throws Exception {
    String xml = corpus("mustang-Factur-X_basic.xml").replace("Rechnung gemäß Bestellung", "%PDF-1.7 Rechnung gemäß Bestellung");

    assertThat(reader.read(xml.getBytes(StandardCharsets.UTF_8), "note.xml").invoice().format())
        .isEqualTo(InvoiceFormat.CII);
  }

  @Test
  void shouldRefuseAnEmptyFile() {
    assertThat(refusal(new byte[0], "empty.xml").getMessage()).endsWith(EinvoiceReader.EMPTY_FILE);
  }

  @Test
  void shouldFlagThePdfAsUnstructuredWhenItHasOnlyText() throws Exception {
    EinvoiceException refused = refusal(pdf("Invoice 4711, total 119.00 EUR", Map.of()), "scan.pdf");

    assertThat(refused.unstructured()).isTrue();
    assertThat(refused.getMessage()).contains("but it has no attachments; it needs a person to read it");
  }

  @Test
  void shouldFlagThePdfAsUnstructuredAndNameWhatItCarriesWhenTheAttachmentIsNotAnInvoice() throws Exception {
    EinvoiceException refused = refusal(pdf("Invoice", Map.of("notes.txt", "hello".getBytes(StandardCharsets.UTF_8))),
        "notes.pdf");

    assertThat(refused.unstructured()).isTrue();
    assertThat(refused.getMessage()).contains("but it has only the attachments ['notes.txt']");
  }

  @Test
  void shouldNameTheEmbeddedFileAndPositionWhenTheFacturXXmlIsBroken() throws Exception {
    byte[] broken = "<?xml version=\"1.0\"?>\n<rsm:CrossIndustryInvoice".getBytes(StandardCharsets.UTF_8);

    EinvoiceException refused = refusal(pdf("Invoice", Map.of("factur-x.xml", broken)), "inbox:x.pdf");

    assertThat(refused.unstructured()).isFalse();
    assertThat(refused.source()).isEqualTo("inbox:x.pdf (embedded factur-x.xml)");
    assertThat(refused.position()).startsWith("line 2, column ");
  }

  @Test
  void shouldReadTheEmbeddedXmlWhenAPdfCarriesACiiInvoiceAsZugferdInvoiceXml() throws Exception {
    byte[] xml = Files.readAllBytes(EinvoiceCorpusTest.resource("mustang-Factur-X_basic.xml"));

    ParsedInvoice parsed = reader.read(pdf("Invoice 471102", Map.of("zugferd-invoice.xml", xml)), "zf.pdf");

    assertThat(parsed.invoice().format()).isEqualTo(InvoiceFormat.FACTUR_X);
    assertThat(parsed.invoice().embeddedFile()).isEqualTo("zugferd-invoice.xml");
    assertThat(parsed.invoice().invoiceNumber()).isEqualTo("471102");
  }

  /** A one-page PDF with {@code text} on it and the given embedded files. */
  public static byte[] pdf(String text, Map<String, byte[]> attachments) throws IOException {
    try (PDDocument document = new PDDocument()) {
      PDPage page = new PDPage();
      document.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        content.newLineAtOffset(72, 700);
        content.showText(text);
        content.endText();
      }
      if (!attachments.isEmpty()) {
        PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
        java.util.Map<String, PDComplexFileSpecification> names = new java.util.TreeMap<>();
        for (Map.Entry<String, byte[]> each : attachments.entrySet()) {
          PDComplexFileSpecification spec = new PDComplexFileSpecification();
          spec.setFile(each.getKey());
          spec.setFileUnicode(each.getKey());
          PDEmbeddedFile file = new PDEmbeddedFile(document, new java.io.ByteArrayInputStream(each.getValue()));
          file.setSubtype(each.getKey().endsWith(".xml") ? "text/xml" : "text/plain");
          spec.setEmbeddedFile(file);
          spec.setEmbeddedFileUnicode(file);
          names.put(each.getKey(), spec);
        }
        tree.setNames(names);
        PDDocumentNameDictionary dictionary = new PDDocumentNameDictionary(document.getDocumentCatalog());
        dictionary.setEmbeddedFiles(tree);
        document.getDocumentCatalog().setNames(dictionary);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    }
  }
}
