package dev.engranaje.workers.spreadsheet;

import dev.engranaje.workers.api.BusinessError;
import dev.engranaje.workers.api.JobContext;
import dev.engranaje.workers.api.JobType;
import dev.engranaje.workers.api.JobWorker;
import dev.engranaje.workers.api.Secret;
import dev.engranaje.workers.api.TechnicalFailure;
import java.util.List;
import java.util.Map;

/**
 * Finds the first row whose key column equals a key (numbers compare as exact decimals, text
 * exactly or ignoring case), streaming, and returns it as the {@code row} variable — e.g. the
 * supplier master data row for an invoice's supplier number.
 *
 * <p>Business errors: {@code ROW_NOT_FOUND} (when {@code required}, the default), {@code
 * SHEET_NOT_FOUND}, {@code COLUMN_NOT_FOUND}. Thread-safe (stateless).
 */
@JobType("rpa:spreadsheet.lookup:1")
public final class LookupRowWorker implements JobWorker<LookupRowWorker.Input, LookupRowWorker.Result> {
  static final String ROW_NOT_FOUND = "ROW_NOT_FOUND";
  static final String NOT_FOUND = "Expected a row with %s = '%s' in '%s', but none of its %d rows has it";
  static final String NO_KEY = "Expected 'keyColumn' and 'key' to look up a row in '%s', but %s is missing";

  /**
   * What to look up.
   *
   * @param keyColumn the field to match (after renaming)
   * @param key the value to find
   * @param ignoreCase compare text keys without regard to case (default false)
   * @param required raise {@code ROW_NOT_FOUND} when no row matches (default true); false returns
   *     {@code found = false}
   */
  public record Input(String file, String sheet, Integer sheetIndex, Integer headerRow, Map<String, String> columns,
      Map<String, String> columnTypes, String delimiter, String quote, String encoding, String decimalSeparator,
      String thousandsSeparator, List<String> dateFormats, Secret password, String keyColumn, Object key,
      Boolean ignoreCase, Boolean required) implements SourceSettings {}

  /**
   * The row found.
   *
   * @param found whether a row matched
   * @param row the row's fields, or {@code null}
   * @param rowNumber its 1-based row number in the file, or 0
   */
  public record Result(boolean found, Map<String, Object> row, int rowNumber) {}

  @Override
  public Class<Input> inputType() {
    return Input.class;
  }

  @Override
  public Result handle(Input input, JobContext context) throws TechnicalFailure, BusinessError {
    if (input.keyColumn() == null || input.keyColumn().isBlank() || input.key() == null) {
      throw TechnicalFailure.permanent(String.format(NO_KEY, input.file(), input.key() == null ? "'key'" : "'keyColumn'"));
    }
    ReadOptions options;
    try {
      options = input.readOptions();
    } catch (IllegalArgumentException e) {
      throw TechnicalFailure.permanent(String.format(RowScan.BAD_SETTING, input.file(), e.getMessage()), e);
    }
    Condition condition = new Condition(input.keyColumn(), "equals", input.key(), input.ignoreCase());
    int scanned = 0;
    try (RecordSource records = RecordSources.open(context.workspace().resolve(input.file()), input.file(), options)) {
      RowMatcher matcher = compile(condition, records.fields(), input.file());
      SheetRecord record;
      while ((record = records.next()) != null) {
        scanned++;
        if (matcher.test(record.values())) {
          return new Result(true, record.values(), record.row());
        }
      }
    }
    if (input.required() == null || input.required()) {
      throw new BusinessError(ROW_NOT_FOUND, String.format(NOT_FOUND, input.keyColumn(), input.key(), input.file(), scanned));
    }
    return new Result(false, null, 0);
  }

  private static RowMatcher compile(Condition condition, List<String> fields, String file) throws BusinessError {
    try {
      return RowMatcher.compile(condition, 1, fields, file);
    } catch (IllegalArgumentException e) {
      throw new BusinessError(TabularRecords.COLUMN_NOT_FOUND, e.getMessage());
    }
  }
}
