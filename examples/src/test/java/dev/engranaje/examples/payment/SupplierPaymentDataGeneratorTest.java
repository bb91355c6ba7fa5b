package dev.engranaje.examples.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.engranaje.examples.CommittedSamples;
import dev.engranaje.examples.payment.SampleInvoice.InvoiceFile;
import dev.engranaje.workers.finance.einvoice.EinvoiceException;
import dev.engranaje.workers.finance.einvoice.EinvoiceReader;
import dev.engranaje.workers.finance.einvoice.En16931Check;
import dev.engranaje.workers.finance.einvoice.Invoice;
import dev.engranaje.workers.finance.einvoice.InvoiceFormat;
import dev.engranaje.workers.finance.einvoice.ParsedInvoice;
import dev.engranaje.workers.finance.einvoice.RuleViolation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.iban4j.IbanUtil;
import org.junit.jupiter.api.Test;

class SupplierPaymentDataGeneratorTest {
  /** The committed sample files, relative to the examples module (the tests' working directory). */
  private static final Path SAMPLES = Path.of("supplier-payment");

  @Test
  void shouldMatchTheCommittedFilesWhenGeneratedAgain() throws IOException {
    // given
    Map<String, byte[]> generated = SupplierPaymentDataGenerator.files();

    // then
    assertThat(generated).hasSize(3 + SupplierPaymentData.INVOICES.size());
    CommittedSamples.assertMatch(SAMPLES, generated, "SupplierPaymentDataGenerator");
  }

  @Test
  void shouldWriteEveryStructuredInvoiceSoThatItPassesTheEn16931CheckWithItsAmountsAndIban() throws Exception {
    for (SampleInvoice sample : SupplierPaymentData.INVOICES) {
      if (sample.format() == InvoiceFile.PLAIN_PDF) {
        continue;
      }
      // when
      ParsedInvoice parsed = new EinvoiceReader().read(SupplierPaymentDataGenerator.invoiceFile(sample), sample.file());
      List<RuleViolation> violations = new En16931Check().check(parsed);
      Invoice invoice = parsed.invoice();

      // then
      assertThat(violations).as(sample.file()).isEmpty();
      assertThat(invoice.format()).as(sample.file()).isEqualTo(switch (sample.format()) {
        case UBL -> InvoiceFormat.UBL;
        case CII -> InvoiceFormat.CII;
        default -> InvoiceFormat.FACTUR_X;
      });
      assertThat(invoice.invoiceNumber()).isEqualTo(sample.number());
      assertThat(invoice.supplier().vatId()).isEqualTo(sample.supplier().vatId());
      assertThat(invoice.payment().iban()).isEqualTo(sample.iban());
      assertThat(invoice.totals().amountDue()).isEqualByComparingTo(sample.gross());
      assertThat(invoice.dueDate()).isEqualTo(sample.dueDate());
    }
  }

  @Test
  void shouldCoverEveryCaseTheProcessMustShow() {
    // then: a UBL, a CII, a Factur-X and a plain PDF arrive by mail
    assertThat(SupplierPaymentData.INVOICES).filteredOn(i -> i.channel().equals("mail")).extracting(SampleInvoice::format)
        .contains(InvoiceFile.UBL, InvoiceFile.CII, InvoiceFile.FACTUR_X, InvoiceFile.PLAIN_PDF);
    // one invoice above the upper approval limit of 10000.00
    assertThat(SupplierPaymentData.INVOICES).filteredOn(i -> i.gross().compareTo(new BigDecimal("10000.00")) > 0).hasSize(1);
    // one supplier asks to be paid to another IBAN than the master's
    assertThat(SupplierPaymentData.INVOICES).filteredOn(i -> !i.iban().equals(i.supplier().iban()))
        .extracting(SampleInvoice::number).containsExactly("KM-2026-212");
    // one duplicate of an invoice in the history, the same number apart from zeros and the same amount
    SampleInvoice duplicate = SupplierPaymentData.invoice("NW-2026-0098");
    assertThat(duplicate.supplier().supplierId()).isEqualTo(SupplierPaymentData.PAID_BEFORE.supplierId());
    assertThat(duplicate.gross().toPlainString()).isEqualTo(SupplierPaymentData.PAID_BEFORE.amount());
    // one payment the bank rejects: the supplier's account is closed
    assertThat(SupplierPaymentData.CLOSED_ACCOUNTS).containsExactly(SupplierPaymentData.invoice("BB-7781").iban());
  }

  @Test
  void shouldUseValidIbansEverywhere() {
    List<String> ibans = new ArrayList<>(List.of(SupplierPaymentData.DEBTOR_IBAN, SupplierPaymentData.KELLER_NEW_IBAN));
    SupplierPaymentData.SUPPLIERS.forEach(s -> ibans.add(s.iban()));
    for (String iban : ibans) {
      IbanUtil.validate(iban);
    }
  }

  @Test
  void shouldEmbedTheCiiInAPdfA3WithTheFacturXIdentification() throws Exception {
    // given
    SampleInvoice sample = SupplierPaymentData.invoice("FL-2026-0457");
    byte[] pdf = SupplierPaymentDataGenerator.invoiceFile(sample);

    // when
    try (PDDocument document = Loader.loadPDF(pdf)) {
      String xmp = new String(document.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
      var spec = document.getDocumentCatalog().getNames().getEmbeddedFiles().getNames().get("factur-x.xml");

      // then
      assertThat(xmp).contains("<pdfaid:part>3</pdfaid:part>", "<pdfaid:conformance>B</pdfaid:conformance>",
          "<fx:DocumentFileName>factur-x.xml</fx:DocumentFileName>", "<fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>");
      assertThat(spec.getCOSObject().getNameAsString("AFRelationship")).isEqualTo("Alternative");
      assertThat(spec.getEmbeddedFile().toByteArray()).isEqualTo(CiiInvoiceWriter.write(sample));
      assertThat(document.getDocumentCatalog().getOutputIntents()).hasSize(1);
      assertThat(document.getPage(0).getResources().getFont(document.getPage(0).getResources().getFontNames().iterator().next())
          .isEmbedded()).isTrue();
    }
  }

  @Test
  void shouldWriteThePlainPdfWithReadableTextButNoStructuredData() throws Exception {
    // given
    SampleInvoice sample = SupplierPaymentData.invoice("PS-88213");
    byte[] pdf = SupplierPaymentDataGenerator.invoiceFile(sample);

    // when
    String text;
    try (PDDocument document = Loader.loadPDF(pdf)) {
      text = new PDFTextStripper().getText(document);
    }

    // then
    assertThat(text).contains("INVOICE PS-88213", "Total due EUR 476.00", sample.iban());
    assertThatThrownBy(() -> new EinvoiceReader().read(pdf, "PS-88213.pdf"))
        .isInstanceOfSatisfying(EinvoiceException.class, e -> assertThat(e.unstructured()).isTrue());
  }

  @Test
  void shouldWriteTheMasterWithTheCheckWorkersDefaultHeadersAndTheHistoryAsJsonLines() throws Exception {
    // given
    Map<String, byte[]> files = SupplierPaymentDataGenerator.files();

    // when
    List<List<String>> master = cells(files.get(SupplierPaymentDataGenerator.MASTER));
    String[] history = new String(files.get(SupplierPaymentDataGenerator.HISTORY), StandardCharsets.UTF_8).split("\n");
    JsonNode paid = new ObjectMapper().readTree(history[0]);

    // then
    assertThat(master.get(0)).containsExactly("supplierId", "name", "vatId", "iban", "bic", "email", "country");
    assertThat(master).hasSize(1 + SupplierPaymentData.SUPPLIERS.size());
    assertThat(master.get(5)).containsExactly("S-1005", "Keller Metallbau GmbH", "DE265432108", "DE75512108001245126199",
        "SOGEDEFFXXX", "buchhaltung@keller-metallbau.example", "DE");
    assertThat(history).hasSize(1);
    assertThat(paid.get("invoiceNumber").asText()).isEqualTo("NW-2026-098");
    assertThat(paid.get("amount").isTextual()).isTrue();
  }

  @Test
  void shouldWriteTheOpenInvoicesAsTextCellsWithTheCheckWorkersRowFieldsAndExactAmounts() throws Exception {
    // given
    byte[] xlsx = SupplierPaymentDataGenerator.files().get(SupplierPaymentDataGenerator.OPEN_INVOICES);

    // when
    List<List<String>> rows = cells(xlsx);

    // then
    assertThat(rows.get(0)).containsExactly("invoiceNumber", "supplierId", "supplierName", "issueDate", "dueDate", "amount",
        "currency", "paymentReference");
    assertThat(rows).hasSize(1 + SupplierPaymentData.OPEN_ITEMS.size());
    assertThat(rows.get(1)).containsExactly("PS-88190", "S-1006", "Papierwerk Sommer KG", "2026-11-24", "2026-12-24", "238.00",
        "EUR", "PS-88190");
    // the ERP's copy of the Factur-X invoice FL-2026-0457: same supplier, amount and date, the number without its zero
    SampleInvoice facturX = SupplierPaymentData.invoice("FL-2026-0457");
    assertThat(rows.get(2)).containsExactly("FL-2026-457", facturX.supplier().supplierId(), facturX.supplier().name(),
        facturX.issueDate().toString(), facturX.dueDate().toString(), facturX.gross().toPlainString(), "EUR", "FL-2026-457");
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      for (Row row : workbook.getSheetAt(0)) {
        row.forEach(cell -> assertThat(cell.getCellType()).as(cell.getAddress().formatAsString()).isEqualTo(CellType.STRING));
      }
    }
  }

  private static List<List<String>> cells(byte[] xlsx) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    DataFormatter formatter = new DataFormatter();
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      for (Row row : workbook.getSheetAt(0)) {
        List<String> values = new ArrayList<>();
        row.forEach(cell -> values.add(formatter.formatCellValue(cell)));
        rows.add(values);
      }
    }
    return rows;
  }
}
