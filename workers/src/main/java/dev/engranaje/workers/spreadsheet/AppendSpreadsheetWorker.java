package dev.engranaje.workers.spreadsheet;

import dev.engranaje.workers.api.BusinessError;
import dev.engranaje.workers.api.JobContext;
import dev.engranaje.workers.api.JobType;
import dev.engranaje.workers.api.JobWorker;
import dev.engranaje.workers.api.TechnicalFailure;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Appends rows below the last row of an existing xlsx sheet or CSV file, matching fields to the
 * existing header (by {@code headers} label or field name); a missing file or sheet is created with
 * a header. Appending is not repeatable, so it runs at most once per job through the idempotency
 * ledger: a redelivered job returns the recorded result instead of appending twice. The file is
 * replaced in one move, so a failure leaves it as it was.
 *
 * <p>Business errors: {@code COLUMN_NOT_FOUND} (a field with no column in the existing header).
 * Thread-safe (stateless).
 */
@JobType("rpa:spreadsheet.append:1")
public final class AppendSpreadsheetWorker implements JobWorker<AppendSpreadsheetWorker.Input, WriteResult> {
  static final String UNKNOWN_FIELDS =
      "Expected a column for every field in the header (row %d) of '%s', but %s have none; the header has %s."
          + " Map them with 'headers' or add the columns";

  /**
   * What to append; see {@link WriteSpreadsheetWorker.Input} for the shared fields.
   *
   * @param headerRow the 1-based row of the existing header (default 1)
   */
  public record Input(String file, String sheet, List<Map<String, Object>> rows, String source, List<String> columns,
      Map<String, String> headers, Map<String, String> columnTypes, Boolean boldHeader, String numberFormat,
      String dateFormat, String dateTimeFormat, Map<String, Integer> columnWidths, Boolean autoFilter,
      String delimiter, String quote, String encoding, String decimalSeparator, Integer headerRow)
      implements WriteSettings {}

  @Override
  public Class<Input> inputType() {
    return Input.class;
  }

  @Override
  public WriteResult handle(Input input, JobContext context) throws Exception {
    Path target = context.workspace().resolveForWriting(input.file());
    SpreadsheetFormat format = SpreadsheetFormat.forWriting(input.file());
    return context.once(context.idempotencyKey(), WriteResult.class, () -> append(input, context, target, format));
  }

  private WriteResult append(Input input, JobContext context, Path target, SpreadsheetFormat format)
      throws TechnicalFailure, BusinessError, IOException {
    try (RowFeed feed = RowFeed.open(context, input)) {
      List<String> labels = feed.columns().stream().map(input::label).toList();
      Layout layout = Files.exists(target) ? existingLayout(input, target, format, labels) : null;
      try (SheetWriter writer = open(input, target, format, layout)) {
        if (layout == null || layout.header().isEmpty()) {
          writer.header(labels);
        }
        int[] positions = positions(labels, layout, input);
        List<Object> row;
        while ((row = feed.next()) != null) {
          writer.row(arrange(row, positions));
        }
        writer.commit();
      }
      return new WriteResult(context.workspace().reference(target), feed.rowsRead(), feed.columns(),
          format == SpreadsheetFormat.XLSX ? input.sheetName() : null);
    } catch (IllegalArgumentException e) {
      throw TechnicalFailure.permanent(String.format(WriteSpreadsheetWorker.BAD_SETTING, input.file(), e.getMessage()), e);
    }
  }

  /** The existing header and, for xlsx, the loaded workbook and sheet. */
  private record Layout(List<String> header, XSSFWorkbook workbook, int sheetIndex) {}

  private Layout existingLayout(Input input, Path target, SpreadsheetFormat format, List<String> labels)
      throws TechnicalFailure, BusinessError {
    int headerRow = input.headerRow() == null ? 1 : input.headerRow();
    if (format == SpreadsheetFormat.CSV) {
      try (CsvRowReader reader = CsvRowReader.open(target, input.file(), input.csv())) {
        RawRow first = reader.next();
        return new Layout(first == null ? List.of() : texts(first.cells()), null, -1);
      }
    }
    XSSFWorkbook workbook = load(target, input.file());
    int index = workbook.getSheetIndex(input.sheetName());
    if (index < 0) {
      index = workbook.getSheetIndex(workbook.createSheet(input.sheetName()));
      return new Layout(List.of(), workbook, index);
    }
    Row header = workbook.getSheetAt(index).getRow(headerRow - 1);
    List<String> names = new ArrayList<>();
    if (header != null) {
      for (int i = 0; i < header.getLastCellNum(); i++) {
        Cell cell = header.getCell(i);
        Object value = cell == null ? null : CellValues.of(cell);
        names.add(value == null ? "" : ValueConverter.text(value));
      }
    }
    return new Layout(names, workbook, index);
  }

  private static XSSFWorkbook load(Path target, String reference) throws TechnicalFailure {
    SpreadsheetFormat.detect(target, reference);
    try (InputStream in = Files.newInputStream(target)) {
      return new XSSFWorkbook(in);
    } catch (IOException | RuntimeException e) {
      throw WorkbookFailures.opening(reference, e);
    }
  }

  private static List<String> texts(Object[] cells) {
    List<String> texts = new ArrayList<>();
    for (Object cell : cells) {
      texts.add(cell == null ? "" : ValueConverter.text(cell));
    }
    return texts;
  }

  private int[] positions(List<String> labels, Layout layout, Input input) throws BusinessError {
    int[] positions = new int[labels.size()];
    if (layout == null || layout.header().isEmpty()) {
      for (int i = 0; i < positions.length; i++) {
        positions[i] = i;
      }
      return positions;
    }
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      positions[i] = layout.header().indexOf(labels.get(i));
      if (positions[i] < 0) {
        missing.add("'" + labels.get(i) + "'");
      }
    }
    if (!missing.isEmpty()) {
      throw new BusinessError(TabularRecords.COLUMN_NOT_FOUND,
          String.format(UNKNOWN_FIELDS, input.headerRow() == null ? 1 : input.headerRow(), input.file(), missing,
              layout.header()));
    }
    return positions;
  }

  private static List<Object> arrange(List<Object> values, int[] positions) {
    int width = 0;
    for (int position : positions) {
      width = Math.max(width, position + 1);
    }
    List<Object> row = new ArrayList<>(java.util.Collections.nCopies(width, null));
    for (int i = 0; i < positions.length; i++) {
      row.set(positions[i], values.get(i));
    }
    return row;
  }

  private static SheetWriter open(Input input, Path target, SpreadsheetFormat format, Layout layout)
      throws IOException {
    if (format == SpreadsheetFormat.CSV) {
      return layout == null ? CsvSheetWriter.create(target, input.csv(), false) : CsvSheetWriter.append(target, input.csv());
    }
    if (layout == null) {
      return XlsxSheetWriter.create(target, input.sheetName(), input.style());
    }
    int headerRow = input.headerRow() == null ? 1 : input.headerRow();
    return XlsxSheetWriter.append(target, layout.workbook(), layout.sheetIndex(), headerRow - 1,
        layout.header().size(), input.style());
  }
}
