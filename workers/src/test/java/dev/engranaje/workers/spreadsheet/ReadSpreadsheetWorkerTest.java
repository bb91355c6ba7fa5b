package dev.engranaje.workers.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.entry;

import dev.engranaje.workers.api.BusinessError;
import dev.engranaje.workers.api.TechnicalFailure;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadSpreadsheetWorkerTest {
  @TempDir Path dir;
  private JobContexts contexts;
  private final ReadSpreadsheetWorker worker = new ReadSpreadsheetWorker();

  @BeforeEach
  void open() {
    contexts = new JobContexts(dir, "rpa:spreadsheet.read:1", 1);
  }

  @AfterEach
  void close() {
    contexts.close();
  }

  private String typedWorkbook(String name, boolean brokenAmount) throws Exception {
    try (XSSFWorkbook workbook = new XSSFWorkbook()) {
      Sheet hidden = workbook.createSheet("Old");
      workbook.setSheetHidden(0, true);
      hidden.createRow(0).createCell(0).setCellValue("stale");
      Sheet sheet = workbook.createSheet("Invoices");
      CellStyle date = workbook.createCellStyle();
      date.setDataFormat(workbook.createDataFormat().getFormat("dd.mm.yyyy"));
      CellStyle dateTime = workbook.createCellStyle();
      dateTime.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
      Row header = sheet.createRow(0);
      String[] names = {"Invoice", "Issued", "Booked", "Amount", "Rounded", "Paid", "Note"};
      for (int i = 0; i < names.length; i++) {
        header.createCell(i).setCellValue(names[i]);
      }
      Row row = sheet.createRow(1);
      row.createCell(0).setCellValue("INV-1");
      row.createCell(1).setCellValue(LocalDate.of(2026, 11, 27));
      row.getCell(1).setCellStyle(date);
      row.createCell(2).setCellValue(LocalDateTime.of(2026, 11, 27, 10, 15));
      row.getCell(2).setCellStyle(dateTime);
      if (brokenAmount) {
        row.createCell(3).setCellValue("n/a");
      } else {
        row.createCell(3).setCellValue(1250.10);
      }
      row.createCell(4).setCellFormula("0.1+0.2");
      row.createCell(5).setCellValue(true);
      workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
      try (OutputStream out = Files.newOutputStream(contexts.workspace.directory().resolve(name))) {
        workbook.write(out);
      }
    }
    return name;
  }

  @Test
  void shouldReadTypedCellsFromTheFirstVisibleSheetWhenWorkbookHasDatesDecimalsFormulasAndBlanks() throws Exception {
    String file = typedWorkbook("typed.xlsx", false);

    RowsResult result = worker.handle(Inputs.read(file), contexts.context);

    assertThat(result.sheet()).isEqualTo("Invoices");
    assertThat(result.columns()).containsExactly("Invoice", "Issued", "Booked", "Amount", "Rounded", "Paid", "Note");
    assertThat(result.rows()).hasSize(1);
    assertThat(result.rows().get(0)).containsExactly(entry("Invoice", "INV-1"), entry("Issued", LocalDate.of(2026, 11, 27)),
        entry("Booked", LocalDateTime.of(2026, 11, 27, 10, 15)), entry("Amount", new BigDecimal("1250.1")),
        entry("Rounded", new BigDecimal("0.3")), entry("Paid", true), entry("Note", null));
  }

  @Test
  void shouldRenameAndSelectColumnsWhenColumnsAreMapped() throws Exception {
    String file = typedWorkbook("mapped.xlsx", false);
    ReadSpreadsheetWorker.Input input = new ReadSpreadsheetWorker.Input(file, "Invoices", null, 1,
        new java.util.LinkedHashMap<>(Map.of("Amount", "amount")), null, null, null, null, null, null, null, null,
        null, null, null);

    RowsResult result = worker.handle(input, contexts.context);

    assertThat(result.rows()).containsExactly(Map.of("amount", new BigDecimal("1250.1")));
  }

  @Test
  void shouldFailNamingFileSheetRowAndColumnWhenCellDoesNotFitItsDeclaredType() throws Exception {
    String file = typedWorkbook("broken.xlsx", true);
    ReadSpreadsheetWorker.Input input = new ReadSpreadsheetWorker.Input(file, null, 2, null, null,
        Map.of("Amount", "decimal"), null, null, null, null, null, null, null, null, null, null);

    Throwable thrown = catchThrowable(() -> worker.handle(input, contexts.context));

    assertThat(thrown).isInstanceOf(TechnicalFailure.class).hasMessage(String.format(TabularRecords.BROKEN_CELL,
        "a decimal number", "Amount", "broken.xlsx", " sheet 'Invoices'", 2, "n/a"));
  }

  @Test
  void shouldRaiseSheetNotFoundWhenNamedSheetIsMissing() throws Exception {
    String file = typedWorkbook("sheets.xlsx", false);
    ReadSpreadsheetWorker.Input input = new ReadSpreadsheetWorker.Input(file, "Payments", null, null, null, null, null,
        null, null, null, null, null, null, null, null, null);

    Throwable thrown = catchThrowable(() -> worker.handle(input, contexts.context));

    assertThat(thrown).isInstanceOf(BusinessError.class).hasMessage(String.format(SheetSelector.NO_SUCH_SHEET,
        "named 'Payments'", "sheets.xlsx", "['Old', 'Invoices']"));
    assertThat(((BusinessError) thrown).code()).isEqualTo("SHEET_NOT_FOUND");
  }

  @Test
  void shouldParseSeparatorsDatesEncodingAndEncodingWhenCsvIsEuropean() throws Exception {
    String text = "Proveedor;Importe;Fecha;Pagado\nPeñalver S.L.;1.234,56;27.11.2026;sí\nZoë GmbH;-0,10;01.12.2026;no\n";
    String file = contexts.file("facturas.csv", text.getBytes(Charset.forName("windows-1252")));
    ReadSpreadsheetWorker.Input input = Inputs.csv(file, ";", "windows-1252", ",", ".", List.of("dd.MM.yyyy"),
        Map.of("Importe", "decimal", "Fecha", "date", "Pagado", "boolean"), null);

    RowsResult result = worker.handle(input, contexts.context);

    assertThat(result.columns()).containsExactly("Proveedor", "Importe", "Fecha", "Pagado");
    assertThat(result.rows()).containsExactly(
        Map.of("Proveedor", "Peñalver S.L.", "Importe", new BigDecimal("1234.56"), "Fecha", LocalDate.of(2026, 11, 27),
            "Pagado", true),
        Map.of("Proveedor", "Zoë GmbH", "Importe", new BigDecimal("-0.10"), "Fecha", LocalDate.of(2026, 12, 1),
            "Pagado", false));
  }

  @Test
  void shouldSkipUtf8ByteOrderMarkWhenCsvStartsWithOne() throws Exception {
    String file = contexts.file("bom.csv", "\uFEFFid,name\n1,Ana\n".getBytes(StandardCharsets.UTF_8));

    RowsResult result = worker.handle(Inputs.read(file), contexts.context);

    assertThat(result.rows()).containsExactly(Map.of("id", "1", "name", "Ana"));
  }

  @Test
  void shouldFailNamingFileAndRowWhenCsvValueIsBroken() {
    String file = contexts.file("amounts.csv", "id,amount\n1,10.50\n2,ten\n".getBytes(StandardCharsets.UTF_8));
    ReadSpreadsheetWorker.Input input = Inputs.csv(file, null, null, null, null, null, Map.of("amount", "decimal"), null);

    Throwable thrown = catchThrowable(() -> worker.handle(input, contexts.context));

    assertThat(thrown).isInstanceOf(TechnicalFailure.class).hasMessage(String.format(TabularRecords.BROKEN_CELL,
        "a decimal number", "amount", "amounts.csv", "", 3, "ten"));
  }

  @Test
  void shouldFailNamingTheRowWhenCsvIsNotInTheDeclaredEncoding() {
    String file = contexts.file("latin.csv", "name\nPeñalver\n".getBytes(Charset.forName("windows-1252")));

    Throwable thrown = catchThrowable(() -> worker.handle(Inputs.read(file), contexts.context));

    assertThat(thrown).isInstanceOf(TechnicalFailure.class)
        .hasMessageContaining("Expected text in UTF-8 in 'latin.csv', but line 2 holds bytes that are not UTF-8");
  }

  @Test
  void shouldFailNamingTheRowWhenCsvQuoteIsNeverClosed() {
    String file = contexts.file("quote.csv", "id,name\n1,\"Ana\n2,Luis\n".getBytes(StandardCharsets.UTF_8));

    Throwable thrown = catchThrowable(() -> worker.handle(Inputs.read(file), contexts.context));

    assertThat(thrown).isInstanceOf(TechnicalFailure.class)
        .hasMessageStartingWith("Expected well-formed CSV in 'quote.csv', but row 2 could not be read");
  }

  @Test
  void shouldWriteJsonLinesDataFileWhenRowsExceedTheVariableLimit() throws Exception {
    StringBuilder csv = new StringBuilder("id,amount\n");
    for (int i = 1; i <= 5; i++) {
      csv.append(i).append(",").append(i).append(".10\n");
    }
    String file = contexts.file("many.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
    ReadSpreadsheetWorker.Input input = new ReadSpreadsheetWorker.Input(file, null, null, null, null,
        Map.of("id", "integer", "amount", "decimal"), null, null, null, null, null, null, null, null, 3, null);

    RowsResult result = worker.handle(input, contexts.context);

    assertThat(result.rows()).isNull();
    assertThat(result.rowCount()).isEqualTo(5);
    assertThat(result.dataFile()).isEqualTo("spreadsheet/many.jsonl");
    assertThat(Files.readAllLines(contexts.path(result.dataFile()))).hasSize(5)
        .startsWith("{\"id\":1,\"amount\":1.10}");
  }

  @Test
  void shouldRaiseTooManyRowsWhenVariablesAreDemandedForALargeSheet() {
    String file = contexts.file("big.csv", "id\n1\n2\n3\n".getBytes(StandardCharsets.UTF_8));

    Throwable thrown = catchThrowable(() -> worker.handle(Inputs.read(file, null, null, "variables", 2),
        contexts.context));

    assertThat(thrown).isInstanceOf(BusinessError.class)
        .hasMessage(String.format(RowsCollector.TOO_MANY, 2, "big.csv"));
    assertThat(contexts.path("spreadsheet")).doesNotExist();
  }

  @Test
  void shouldRefuseAFileOutsideTheWorkspace() {
    Throwable thrown = catchThrowable(() -> worker.handle(Inputs.read("../../etc/passwd.csv"), contexts.context));

    assertThat(thrown).isInstanceOf(TechnicalFailure.class).hasMessageContaining("points outside it");
  }
}
