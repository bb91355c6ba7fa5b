package dev.engranaje.workers.spreadsheet;

import dev.engranaje.workers.api.BusinessError;
import dev.engranaje.workers.api.JobContext;
import dev.engranaje.workers.api.JobType;
import dev.engranaje.workers.api.JobWorker;
import dev.engranaje.workers.api.Secret;
import dev.engranaje.workers.api.TechnicalFailure;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Reads one sheet of an xlsx (streamed), xls or CSV file from the workspace into typed rows: into
 * the {@code rows} variable for small sheets, into a JSON Lines data file for large ones.
 *
 * <p>Business errors: {@code SHEET_NOT_FOUND}, {@code COLUMN_NOT_FOUND}, {@code TOO_MANY_ROWS}.
 * Hostile, encrypted (without password), truncated or unsupported files and broken cells are
 * permanent failures naming the file and row. Thread-safe (stateless).
 */
@JobType("rpa:spreadsheet.read:1")
public final class ReadSpreadsheetWorker implements JobWorker<ReadSpreadsheetWorker.Input, RowsResult> {

  /**
   * What to read.
   *
   * @param file the workspace reference of the xlsx, xls or CSV file (required)
   * @param into {@code auto} (default), {@code variables} or {@code file}; see {@link Delivery}
   * @param maxRowsInVariables the most rows put into the {@code rows} variable (default 1000)
   * @param output the data file reference (default {@code spreadsheet/<file name>.jsonl})
   */
  public record Input(String file, String sheet, Integer sheetIndex, Integer headerRow, Map<String, String> columns,
      Map<String, String> columnTypes, String delimiter, String quote, String encoding, String decimalSeparator,
      String thousandsSeparator, List<String> dateFormats, Secret password, String into, Integer maxRowsInVariables,
      String output) implements SourceSettings {}

  @Override
  public Class<Input> inputType() {
    return Input.class;
  }

  @Override
  public RowsResult handle(Input input, JobContext context) throws TechnicalFailure, BusinessError, IOException {
    return RowScan.scan(context, input.file(), input, input.into(), input.maxRowsInVariables(), input.output(),
        record -> true);
  }
}
