package dev.engranaje.workers.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.engranaje.workers.api.BusinessError;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteSpreadsheetWorkerTest {
  @TempDir Path dir;
  private JobContexts contexts;

  @BeforeEach
  void open() {
    contexts = new JobContexts(dir, "rpa:spreadsheet.write:1", 7);
  }

  @AfterEach
  void close() {
    contexts.close();
  }

  private static Map<String, Object> invoice(String id, String customer, Object amount, String issued) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("invoice", id);
    row.put("customer", customer);
    row.put("amount", amount);
    row.put("issued", issued);
    return row;
  }

  private static final List<Map<String, Object>> ROWS = List.of(
      invoice("INV-1", "=HYPERLINK(\"http://evil.example\",\"click\")", 1250.10, "2026-11-27"),
      invoice("INV-2", "@SUM(A1:A2)", -12.5, "2026-11-28"),
      invoice("INV-3", "+34 600 000 000", 0.1, null));

  private XSSFWorkbook load(String reference) throws Exception {
    try (InputStream in = Files.newInputStream(contexts.path(reference))) {
      return new XSSFWorkbook(in);
    }
  }

  @Test
  void shouldWriteStyledSheetWithTextFormulasNeutralisedWhenWritingXlsx() throws Exception {
    WriteResult result = new WriteSpreadsheetWorker().handle(
        Inputs.write("out/invoices.xlsx", ROWS, null, Map.of("issued", "date")), contexts.context);

    assertThat(result).isEqualTo(new WriteResult("out/invoices.xlsx", 3,
        List.of("invoice", "customer", "amount", "issued"), "Invoices"));
    try (XSSFWorkbook workbook = load(result.file())) {
      XSSFSheet sheet = workbook.getSheet("Invoices");
      Row header = sheet.getRow(0);
      assertThat(workbook.getFontAt(header.getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
      assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:D4");
      assertThat(sheet.getColumnWidth(1)).isEqualTo(30 * 256);
      Cell injected = sheet.getRow(1).getCell(1);
      assertThat(injected.getCellType()).isEqualTo(CellType.STRING);
      assertThat(injected.getCellStyle().getQuotePrefixed()).isTrue();
      assertThat(sheet.getRow(2).getCell(1).getCellStyle().getQuotePrefixed()).isTrue();
      assertThat(sheet.getRow(3).getCell(1).getCellStyle().getQuotePrefixed()).isTrue();
      Cell amount = sheet.getRow(1).getCell(2);
      assertThat(amount.getNumericCellValue()).isEqualTo(1250.10);
      assertThat(amount.getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
      assertThat(sheet.getRow(2).getCell(2).getNumericCellValue()).isEqualTo(-12.5);
      Cell issued = sheet.getRow(1).getCell(3);
      assertThat(issued.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 11, 27));
      assertThat(issued.getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd");
    }
  }

  @Test
  void shouldReadBackTheSameTypedRowsWhenWrittenXlsxIsRead() throws Exception {
    new WriteSpreadsheetWorker().handle(Inputs.write("round.xlsx", ROWS, null, Map.of("issued", "date")),
        contexts.context);

    RowsResult read = new ReadSpreadsheetWorker().handle(Inputs.read("round.xlsx"), contexts.context);

    assertThat(read.rows().get(0)).containsEntry("amount", new BigDecimal("1250.1"))
        .containsEntry("issued", LocalDate.of(2026, 11, 27));
    assertThat(read.rows().get(2)).containsEntry("amount", new BigDecimal("0.1")).containsEntry("issued", null);
  }

  @Test
  void shouldWriteAnAmountExcelWouldRoundAsExactTextWhenItHasMoreThanFifteenDigits() throws Exception {
    BigDecimal tooLong = new BigDecimal("1234567890123456.78");
    WriteResult result = new WriteSpreadsheetWorker().handle(Inputs.write("exact.xlsx",
        List.of(invoice("INV-9", "Big", tooLong, null), invoice("INV-10", "Small", new BigDecimal("20000.10"), null)),
        null, Map.of()), contexts.context);

    try (XSSFWorkbook workbook = load(result.file())) {
      Cell rounded = workbook.getSheetAt(0).getRow(1).getCell(2);
      assertThat(rounded.getCellType()).isEqualTo(CellType.STRING);
      assertThat(rounded.getStringCellValue()).isEqualTo("1234567890123456.78");
      Cell exact = workbook.getSheetAt(0).getRow(2).getCell(2);
      assertThat(exact.getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(exact.getNumericCellValue()).isEqualTo(20000.10);
    }
  }

  @Test
  void shouldPrefixDangerousTextWithAnApostropheWhenWritingCsv() throws Exception {
    new WriteSpreadsheetWorker().handle(Inputs.write("out/invoices.csv", ROWS, List.of("invoice", "customer", "amount"),
        null), contexts.context);

    assertThat(Files.readString(contexts.path("out/invoices.csv"), StandardCharsets.UTF_8)).isEqualTo(
        "invoice,customer,amount\r\n"
            + "INV-1,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",1250.1\r\n"
            + "INV-2,'@SUM(A1:A2),-12.5\r\n"
            + "INV-3,'+34 600 000 000,0.1\r\n");
  }

  @Test
  void shouldFlagEveryDangerousLeadingCharacterWhenGuardingFormulas() {
    assertThat(List.of("=1+1", "+1", "-1", "@A1", "\tx", "\rx")).allMatch(FormulaInjectionGuard::isDangerous);
    assertThat(List.of("1", "a=b", "", " =x")).noneMatch(FormulaInjectionGuard::isDangerous);
    assertThat(FormulaInjectionGuard.forCsv("-2+3")).isEqualTo("'-2+3");
  }

  @Test
  void shouldAppendBelowExistingRowsOnceWhenTheSameJobIsRedelivered() throws Exception {
    new WriteSpreadsheetWorker().handle(Inputs.write("ledger.xlsx", ROWS.subList(0, 1), null, null), contexts.context);
    AppendSpreadsheetWorker append = new AppendSpreadsheetWorker();
    var input = Inputs.append("ledger.xlsx", List.of(invoice("INV-9", "Ana", 9.99, null)), null);

    WriteResult first = append.handle(input, contexts.withJobKey("rpa:spreadsheet.append:1", 42));
    WriteResult again = append.handle(input, contexts.withJobKey("rpa:spreadsheet.append:1", 42));

    assertThat(again).isEqualTo(first);
    try (XSSFWorkbook workbook = load("ledger.xlsx")) {
      XSSFSheet sheet = workbook.getSheet("Invoices");
      assertThat(sheet.getLastRowNum()).isEqualTo(2);
      assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("INV-9");
      assertThat(sheet.getRow(2).getCell(2).getNumericCellValue()).isEqualTo(9.99);
    }
  }

  @Test
  void shouldAppendUnderMatchingHeadersWhenCsvColumnsAreInAnotherOrder() throws Exception {
    contexts.file("ledger.csv", "amount,invoice\r\n1.5,INV-1".getBytes(StandardCharsets.UTF_8));

    new AppendSpreadsheetWorker().handle(Inputs.append("ledger.csv",
        List.of(Map.of("invoice", "INV-2", "amount", 2.25)), null), contexts.context);

    assertThat(Files.readString(contexts.path("ledger.csv"))).isEqualTo("amount,invoice\r\n1.5,INV-1\r\n2.25,INV-2\r\n");
  }

  @Test
  void shouldRaiseColumnNotFoundWhenAppendedFieldHasNoColumn() throws Exception {
    contexts.file("ledger.csv", "amount,invoice\r\n".getBytes(StandardCharsets.UTF_8));

    Throwable thrown = catchThrowable(() -> new AppendSpreadsheetWorker().handle(Inputs.append("ledger.csv",
        List.of(Map.of("invoice", "INV-2", "iban", "ES00")), null), contexts.context));

    assertThat(thrown).isInstanceOf(BusinessError.class).hasMessage(String.format(AppendSpreadsheetWorker.UNKNOWN_FIELDS,
        1, "ledger.csv", "['iban']", "[amount, invoice]"));
    assertThat(Files.readString(contexts.path("ledger.csv"))).isEqualTo("amount,invoice\r\n");
  }

  @Test
  void shouldCopyAReadDataFileIntoXlsxWhenSourceIsGiven() throws Exception {
    contexts.file("in.csv", "id,amount\n1,10.50\n2,3\n".getBytes(StandardCharsets.UTF_8));
    RowsResult read = new ReadSpreadsheetWorker().handle(new ReadSpreadsheetWorker.Input("in.csv", null, null, null,
        null, Map.of("amount", "decimal"), null, null, null, null, null, null, null, "file", null, null),
        contexts.context);
    var input = new WriteSpreadsheetWorker.Input("copy.xlsx", null, null, read.dataFile(), null, Map.of("id", "Id"),
        null, null, null, null, null, null, false, null, null, null, null, null);

    WriteResult written = new WriteSpreadsheetWorker().handle(input, contexts.context);

    assertThat(written.rowCount()).isEqualTo(2);
    try (XSSFWorkbook workbook = load("copy.xlsx")) {
      XSSFSheet sheet = workbook.getSheet("Sheet1");
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Id");
      assertThat(sheet.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(10.5);
      assertThat(sheet.getCTWorksheet().isSetAutoFilter()).isFalse();
    }
  }
}
