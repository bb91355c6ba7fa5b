package dev.engranaje.workers.spreadsheet;

import dev.engranaje.workers.api.BusinessError;
import dev.engranaje.workers.api.JobContext;
import dev.engranaje.workers.api.JobType;
import dev.engranaje.workers.api.JobWorker;
import dev.engranaje.workers.api.TechnicalFailure;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes rows to a new xlsx (streamed with SXSSF: bold header, number and date formats, column
 * widths, autofilter) or CSV file in the workspace, replacing any file of that name. Text that
 * could run as a formula is neutralised. Writing the same rows again gives the same file, so a
 * redelivered job simply rewrites it. Thread-safe (stateless).
 */
@JobType("rpa:spreadsheet.write:1")
public final class WriteSpreadsheetWorker implements JobWorker<WriteSpreadsheetWorker.Input, WriteResult> {
  static final String BAD_SETTING = "Expected valid settings to write '%s', but %s";

  /**
   * What to write.
   *
   * @param file the workspace reference of the .xlsx or .csv file to write (required)
   * @param byteOrderMark CSV only: start the file with a UTF-8 byte-order mark, so Excel detects UTF-8
   */
  public record Input(String file, String sheet, List<Map<String, Object>> rows, String source, List<String> columns,
      Map<String, String> headers, Map<String, String> columnTypes, Boolean boldHeader, String numberFormat,
      String dateFormat, String dateTimeFormat, Map<String, Integer> columnWidths, Boolean autoFilter,
      String delimiter, String quote, String encoding, String decimalSeparator, Boolean byteOrderMark)
      implements WriteSettings {}

  @Override
  public Class<Input> inputType() {
    return Input.class;
  }

  @Override
  public WriteResult handle(Input input, JobContext context) throws TechnicalFailure, BusinessError, IOException {
    Path target = context.workspace().resolveForWriting(input.file());
    SpreadsheetFormat format = SpreadsheetFormat.forWriting(input.file());
    try (RowFeed feed = RowFeed.open(context, input);
        SheetWriter writer = open(format, target, input)) {
      writer.header(feed.columns().stream().map(input::label).toList());
      List<Object> row;
      while ((row = feed.next()) != null) {
        writer.row(row);
      }
      writer.commit();
      return new WriteResult(context.workspace().reference(target), feed.rowsRead(), feed.columns(),
          format == SpreadsheetFormat.XLSX ? input.sheetName() : null);
    } catch (IllegalArgumentException e) {
      throw TechnicalFailure.permanent(String.format(BAD_SETTING, input.file(), e.getMessage()), e);
    }
  }

  private static SheetWriter open(SpreadsheetFormat format, Path target, Input input) throws IOException {
    if (format == SpreadsheetFormat.XLSX) {
      return XlsxSheetWriter.create(target, input.sheetName(), input.style());
    }
    return CsvSheetWriter.create(target, input.csv(), Boolean.TRUE.equals(input.byteOrderMark()));
  }
}
