package dev.engranaje.workers.finance.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.workers.finance.statement.StatementEntry;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReconciliationReportWriterTest {
  @TempDir Path dir;

  private XSSFWorkbook written(ReconciliationResult result, List<StatementEntry> entries) throws Exception {
    Path target = dir.resolve("report.xlsx");
    ReconciliationReportWriter.write(result, entries, ReportFixtures.ITEMS, target);
    assertThat(dir.resolve(".report.xlsx.part")).doesNotExist();
    return new XSSFWorkbook(Files.newInputStream(target));
  }

  private static List<String> row(XSSFSheet sheet, int index) {
    List<String> values = new ArrayList<>();
    Row row = sheet.getRow(index);
    DataFormatter formatter = new DataFormatter(java.util.Locale.ROOT);
    for (int i = 0; row != null && i < row.getLastCellNum(); i++) {
      Cell cell = row.getCell(i);
      values.add(cell == null ? "" : formatter.formatCellValue(cell));
    }
    return values;
  }

  private static String label(XSSFSheet sheet, String label, int column) {
    for (Row row : sheet) {
      Cell first = row.getCell(0);
      if (first != null && first.getCellType() == CellType.STRING && first.getStringCellValue().equals(label)) {
        return new DataFormatter(java.util.Locale.ROOT).formatCellValue(row.getCell(column));
      }
    }
    throw new AssertionError("No row '" + label + "' in " + sheet.getSheetName());
  }

  @Test
  void shouldWriteSummaryMatchedSuggestedAndUnmatchedSheetsCellByCellWhenTheResultIsKnown() throws Exception {
    // when
    try (XSSFWorkbook workbook = written(ReportFixtures.result(), ReportFixtures.ENTRIES)) {
      // then
      assertThat(List.of(workbook.getSheetName(0), workbook.getSheetName(1), workbook.getSheetName(2),
          workbook.getSheetName(3), workbook.getSheetName(4)))
          .containsExactly("Summary", "Matched", "Suggested", "Unmatched bank", "Unmatched ledger");
      XSSFSheet summary = workbook.getSheet("Summary");
      assertThat(label(summary, "Account", 1)).isEqualTo("DE12500105170648489890");
      assertThat(label(summary, "Statement", 1)).isEqualTo("STMT-1");
      assertThat(label(summary, "Opening balance", 1)).isEqualTo("1,000.00");
      assertThat(label(summary, "Opening balance", 2)).isEqualTo("2026-11-27");
      assertThat(label(summary, "Closing balance", 1)).isEqualTo("2,276.66");
      assertThat(label(summary, "Booked entries", 1)).isEqualTo("3");
      assertThat(label(summary, "Rules", 1)).isEqualTo("defaults");
      assertThat(label(summary, "Confirmed", 1)).isEqualTo("1");
      assertThat(label(summary, "Confirmed", 3)).isEqualTo("1,190.00");
      assertThat(label(summary, "Unmatched bank", 2)).isEqualTo("1");
      assertThat(label(summary, "Unmatched bank", 3)).isEqualTo("-12.34");
      assertThat(label(summary, "Unmatched ledger", 5)).isEqualTo("420.00");

      XSSFSheet matched = workbook.getSheet("Matched");
      assertThat(row(matched, 0)).startsWith("Group", "Rule", "Confidence", "Bank refs", "Booking date", "Bank amount");
      assertThat(row(matched, 1)).containsExactly("G1", "exact-reference", "high", "B-1", "2026-11-27", "1,190.00",
          "Müller GmbH", "RE-2026-1001", "100245", "RE-2026-1001", "Müller GmbH", "1,190.00", "0.00");
      assertThat(matched.getRow(1).getCell(5).getNumericCellValue()).isEqualTo(1190.00);
      assertThat(matched.getRow(1).getCell(4).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(ReportFixtures.DAY);

      XSSFSheet suggested = workbook.getSheet("Suggested");
      assertThat(row(suggested, 1)).startsWith("G2", "amount-tolerance", "medium", "B-2");
      assertThat(row(suggested, 1).get(12)).isEqualTo("-0.95");
      assertThat(row(suggested, 1).get(13)).isEqualTo("amount: bank '99.00', ledger '99.95' (within 1%)\n"
          + "counterparty: bank 'Becker Bau GmbH', ledger 'Becker Bau GmbH' (normalised name)");
      assertThat(row(suggested, 0)).endsWith("Evidence", "Decision");

      XSSFSheet bank = workbook.getSheet("Unmatched bank");
      assertThat(row(bank, 1)).startsWith("B-3", "2026-11-27", "2026-11-28", "-12.34", "EUR");
      XSSFSheet ledger = workbook.getSheet("Unmatched ledger");
      assertThat(row(ledger, 1)).startsWith("100249", "RE-2026-1005", "+Fischer OHG");
      assertThat(ledger.getRow(1).getCell(6).getNumericCellValue()).isEqualTo(420.0);
    }
  }

  @Test
  void shouldFreezeHeadersFilterAndFitColumnsWhenASheetHasData() throws Exception {
    try (XSSFWorkbook workbook = written(ReportFixtures.result(), ReportFixtures.ENTRIES)) {
      for (String name : List.of("Matched", "Suggested", "Unmatched bank", "Unmatched ledger")) {
        XSSFSheet sheet = workbook.getSheet(name);
        PaneInformation pane = sheet.getPaneInformation();
        assertThat(pane).as(name).isNotNull();
        assertThat(pane.isFreezePane()).isTrue();
        assertThat(pane.getHorizontalSplitPosition()).isEqualTo((short) 1);
        assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).as(name).startsWith("A1:");
        assertThat(sheet.getRow(0).getCell(0).getCellStyle().getFont().getBold()).isTrue();
        assertThat(sheet.getColumnWidth(0)).isBetween(8 * 256, 60 * 256);
      }
      XSSFSheet matched = workbook.getSheet("Matched");
      assertThat(matched.getColumnWidth(6)).as("counterparty column fits 'Müller GmbH'")
          .isGreaterThanOrEqualTo("Müller GmbH".length() * 256);
      assertThat(matched.getRow(1).getCell(5).getCellStyle().getDataFormatString()).contains("#,##0.00");
    }
  }

  @Test
  void shouldWriteFormulaLikeTextAsQuotedTextWhenBankOrErpTextStartsWithAFormulaCharacter() throws Exception {
    try (XSSFWorkbook workbook = written(ReportFixtures.result(), ReportFixtures.ENTRIES)) {
      Row bank = workbook.getSheet("Unmatched bank").getRow(1);
      Cell counterparty = bank.getCell(5);
      assertThat(counterparty.getCellType()).isEqualTo(CellType.STRING);
      assertThat(counterparty.getStringCellValue()).isEqualTo("=HYPERLINK(\"http://evil\")");
      assertThat(counterparty.getCellStyle().getQuotePrefixed()).isTrue();
      assertThat(bank.getCell(7).getCellStyle().getQuotePrefixed()).isTrue();
      assertThat(workbook.getSheet("Unmatched ledger").getRow(1).getCell(2).getCellStyle().getQuotePrefixed()).isTrue();
      assertThat(bank.getCell(3).getCellType()).as("a negative amount stays a number").isEqualTo(CellType.NUMERIC);
    }
  }

  @Test
  void shouldWriteTheAmountAsTextWhenADoubleCannotHoldItExactly() throws Exception {
    // given: 17 significant digits do not fit a double
    List<StatementEntry> entries = new ArrayList<>(ReportFixtures.ENTRIES);
    entries.set(2, ReportFixtures.entry("B-3", "123456789012345.67", "Big", "huge"));

    // when
    try (XSSFWorkbook workbook = written(ReportFixtures.result(), entries)) {
      // then
      Cell amount = workbook.getSheet("Unmatched bank").getRow(1).getCell(3);
      assertThat(amount.getCellType()).isEqualTo(CellType.STRING);
      assertThat(amount.getStringCellValue()).isEqualTo("123456789012345.67");
    }
  }

  @Test
  void shouldShowTheReviewedOutcomeWhenDecisionsAreApplied() throws Exception {
    // given
    ReconciliationResult result = ReportFixtures.result();
    ReconciliationResult rejected = new ReviewDecisions(null, List.of("G2"), "anna").applyTo(result,
        Map.of("B-2", new BigDecimal("99.00")), Map.of("100250", new BigDecimal("99.95")));
    ReconciliationResult accepted = new ReviewDecisions(List.of("G2"), null, "anna").applyTo(result, Map.of(), Map.of());

    // when / then
    try (XSSFWorkbook workbook = written(rejected, ReportFixtures.ENTRIES)) {
      assertThat(workbook.getSheet("Suggested").getLastRowNum()).isZero();
      assertThat(row(workbook.getSheet("Unmatched bank"), 1)).startsWith("B-2");
      assertThat(row(workbook.getSheet("Unmatched bank"), 1)).endsWith("suggestion G2 rejected by anna");
      assertThat(row(workbook.getSheet("Unmatched ledger"), 1)).startsWith("100250");
      assertThat(label(workbook.getSheet("Summary"), "Review", 1)).isEqualTo("1 suggestion(s) decided: 0 accepted, 1 rejected");
    }
    try (XSSFWorkbook workbook = written(accepted, ReportFixtures.ENTRIES)) {
      assertThat(row(workbook.getSheet("Matched"), 2)).startsWith("G2", "amount-tolerance")
          .endsWith("suggestion accepted by anna");
      assertThat(label(workbook.getSheet("Summary"), "Confirmed", 1)).isEqualTo("2");
      assertThat(label(workbook.getSheet("Summary"), "Review", 1)).isEqualTo("1 suggestion(s) decided: 1 accepted, 0 rejected");
    }
    assertThat(LocalDate.of(2026, 11, 27)).isEqualTo(ReportFixtures.DAY);
  }
}
