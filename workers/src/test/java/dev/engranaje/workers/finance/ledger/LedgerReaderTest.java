package dev.engranaje.workers.finance.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerReaderTest {
  @TempDir Path dir;

  private static final String GERMAN_CSV_MAPPING = """
      columns:
        id: Belegnr
        amount: Betrag
        documentDate: Datum
        dueDate: Fällig
        reference: Referenz
        partnerName: Kunde
      currency: EUR
      locale:
        delimiter: ";"
        decimalSeparator: ","
        thousandsSeparator: "."
        dateFormat: dd.MM.yyyy
      """;

  private Path resource(String name) throws Exception {
    Path file = dir.resolve(name);
    try (InputStream in = getClass().getResourceAsStream("/finance/ledger/" + name)) {
      Files.copy(in, file);
    }
    return file;
  }

  private static LedgerMapping mapping(String yaml) throws InvalidLedgerMapping {
    return LedgerMapping.parse(yaml, "mapping.yaml");
  }

  @Test
  void shouldReadTheErpExportWithDebitCreditColumnsWhenMappedByItsYaml() throws Exception {
    // given
    LedgerMapping mapping = LedgerMapping.read(resource("op-liste-2026-11.yaml"), "op-liste-2026-11.yaml");

    // when
    List<LedgerItem> items = LedgerReader.read(resource("op-liste-2026-11.xlsx"), "op-liste-2026-11.xlsx", mapping);

    // then
    assertThat(items).hasSize(7);
    assertThat(items.get(0)).isEqualTo(new LedgerItem("100245", new BigDecimal("1190.00"), "EUR",
        LocalDate.of(2026, 11, 2), LocalDate.of(2026, 12, 2), "RE-2026-1001", "Müller GmbH", "DE89370400440532013000"));
    assertThat(items.get(4).amount()).isEqualByComparingTo("-89.90").hasToString("-89.90");
    assertThat(items.get(6).amount()).hasToString("99.95");
    assertThat(items).extracting(LedgerItem::currency).containsOnly("EUR");
  }

  @Test
  void shouldReadDecimalCommasGermanDatesAndSkipTheBomWhenTheCsvIsUtf8() throws Exception {
    // given
    Path csv = dir.resolve("op.csv");
    Files.write(csv, ("\uFEFFBelegnr;Datum;Fällig;Kunde;Referenz;Betrag\n"
        + "R-1;03.11.2026;03.12.2026;Müller GmbH;RE 1001;1.234,56\n"
        + "R-2;04.11.2026;;\"Schmidt; Söhne\";;-12,5\n").getBytes(StandardCharsets.UTF_8));

    // when
    List<LedgerItem> items = LedgerReader.read(csv, "op.csv", mapping(GERMAN_CSV_MAPPING));

    // then
    assertThat(items).containsExactly(
        new LedgerItem("R-1", new BigDecimal("1234.56"), "EUR", LocalDate.of(2026, 11, 3), LocalDate.of(2026, 12, 3),
            "RE 1001", "Müller GmbH", null),
        new LedgerItem("R-2", new BigDecimal("-12.50"), "EUR", LocalDate.of(2026, 11, 4), null, null, "Schmidt; Söhne",
            null));
  }

  @Test
  void shouldDecodeUmlautsWhenTheCsvIsWindows1252AndTheMappingSaysSo() throws Exception {
    // given
    Path csv = dir.resolve("op-1252.csv");
    Files.write(csv, "Belegnr;Datum;Fällig;Kunde;Referenz;Betrag\nR-9;01.11.2026;;Bäckerei Köhler;;10,00\n"
        .getBytes(Charset.forName("windows-1252")));

    // when
    List<LedgerItem> items = LedgerReader.read(csv, "op-1252.csv",
        mapping(GERMAN_CSV_MAPPING + "  encoding: windows-1252\n"));

    // then
    assertThat(items).singleElement().extracting(LedgerItem::partnerName).isEqualTo("Bäckerei Köhler");
  }

  @Test
  void shouldNameTheLineWhenAWindows1252FileIsReadAsUtf8() throws Exception {
    // given
    Path csv = dir.resolve("op-1252.csv");
    Files.write(csv, "Belegnr;Datum;Fällig;Kunde;Referenz;Betrag\nR-9;01.11.2026;;Köhler;;10,00\n"
        .getBytes(Charset.forName("windows-1252")));

    // when / then
    assertThatThrownBy(() -> LedgerReader.read(csv, "op-1252.csv", mapping(GERMAN_CSV_MAPPING)))
        .isInstanceOf(LedgerException.class).hasMessageContaining("'op-1252.csv'").hasMessageContaining("line 1")
        .hasMessageContaining("encoding");
  }

  @Test
  void shouldNameFileRowAndColumnWhenAnAmountIsNotANumber() throws Exception {
    // given
    Path csv = dir.resolve("bad.csv");
    Files.writeString(csv, "Belegnr;Datum;Fällig;Kunde;Referenz;Betrag\nR-1;03.11.2026;;A;;1,00\nR-2;03.11.2026;;B;;zehn\n");

    // when / then
    assertThatThrownBy(() -> LedgerReader.read(csv, "bad.csv", mapping(GERMAN_CSV_MAPPING)))
        .isInstanceOf(LedgerException.class)
        .hasMessageContaining("a decimal number in column 'Betrag' of 'bad.csv' row 3, but found 'zehn'");
  }

  @Test
  void shouldRefuseTheFileNamingBothRowsWhenAnIdAppearsTwice() throws Exception {
    // given
    Path csv = dir.resolve("dup.csv");
    Files.writeString(csv, "Belegnr;Datum;Fällig;Kunde;Referenz;Betrag\nR-1;03.11.2026;;A;;1,00\nR-2;;;B;;2,00\n"
        + "R-1;;;C;;3,00\n");

    // when / then
    assertThatThrownBy(() -> LedgerReader.read(csv, "dup.csv", mapping(GERMAN_CSV_MAPPING)))
        .isInstanceOf(LedgerException.class)
        .hasMessage(String.format(LedgerReader.DUPLICATE_ID, "Belegnr", "dup.csv", "R-1", 2, 4))
        .extracting(e -> ((LedgerException) e).row()).isEqualTo(4);
  }

  @Test
  void shouldRefuseTheRowWhenTheIdIsBlankOrTheAmountHasMoreDecimalsThanTheCurrency() throws Exception {
    // given
    Path blankId = dir.resolve("blank.csv");
    Files.writeString(blankId, "Belegnr;Datum;Fällig;Kunde;Referenz;Betrag\n;03.11.2026;;Total;;99,00\n");
    Path decimals = dir.resolve("decimals.csv");
    Files.writeString(decimals, "Belegnr;Datum;Fällig;Kunde;Referenz;Betrag\nR-1;03.11.2026;;A;;33,333\n");

    // when / then
    assertThatThrownBy(() -> LedgerReader.read(blankId, "blank.csv", mapping(GERMAN_CSV_MAPPING)))
        .hasMessage(String.format(LedgerReader.BLANK, "an id", "Belegnr", "blank.csv", "", 2));
    assertThatThrownBy(() -> LedgerReader.read(decimals, "decimals.csv", mapping(GERMAN_CSV_MAPPING)))
        .hasMessage(String.format(LedgerReader.TOO_MANY_DECIMALS, 2, "EUR", "Betrag", "decimals.csv", "", 2, "33.333"));
  }

  @Test
  void shouldNameTheMissingColumnAndTheHeadersFoundWhenTheMappingDoesNotFitTheFile() throws Exception {
    // given
    Path csv = dir.resolve("other.csv");
    Files.writeString(csv, "Nr;Summe\n1;2\n");

    // when / then
    assertThatThrownBy(() -> LedgerReader.read(csv, "other.csv", mapping(GERMAN_CSV_MAPPING)))
        .isInstanceOf(LedgerException.class).hasMessageContaining("'Belegnr'").hasMessageContaining("'other.csv'")
        .hasMessageContaining("[Nr, Summe]");
  }

  @Test
  void shouldNegatePayablesAndApplyTheFixedCurrencyWhenAPoiWorkbookIsRead() throws Exception {
    // given: an AP export written with POI, amounts as numbers, one as a formula with a cached result
    Path xlsx = dir.resolve("ap.xlsx");
    try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(xlsx)) {
      Sheet sheet = workbook.createSheet("AP");
      Row header = sheet.createRow(0);
      header.createCell(0).setCellValue("Doc");
      header.createCell(1).setCellValue("Open");
      header.createCell(2).setCellValue("Supplier");
      Row first = sheet.createRow(1);
      first.createCell(0).setCellValue("ER-1");
      first.createCell(1).setCellValue(1500.1);
      first.createCell(2).setCellValue("Stadtwerke");
      Row second = sheet.createRow(2);
      second.createCell(0).setCellValue(4711);
      second.createCell(1).setCellFormula("0.1+0.2");
      workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
      workbook.write(out);
    }
    LedgerMapping mapping = mapping("""
        sheetIndex: 1
        columns: {id: Doc, amount: Open, partnerName: Supplier}
        currency: CHF
        sign: payable
        """);

    // when
    List<LedgerItem> items = LedgerReader.read(xlsx, "ap.xlsx", mapping);

    // then
    assertThat(items).extracting(LedgerItem::id).containsExactly("ER-1", "4711");
    assertThat(items).extracting(item -> item.amount().toPlainString()).containsExactly("-1500.10", "-0.30");
    assertThat(items).extracting(LedgerItem::currency).containsOnly("CHF");
  }
}
