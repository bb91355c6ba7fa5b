package dev.engranaje.workers.spreadsheet;

import dev.engranaje.workers.api.BusinessError;
import dev.engranaje.workers.api.TechnicalFailure;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The spreadsheet readers for other packages: streams the data rows of an xlsx (streamed), xls or CSV
 * file as typed field maps, with the same header handling, column renaming, type conversion,
 * encoding checks and error messages (naming file, sheet, row and column) as the spreadsheet
 * workers. Not thread-safe; close it to release the file.
 */
public final class TabularSource implements AutoCloseable {
  private final RecordSource source;

  /**
   * How to read the file; {@code null} or empty values mean the defaults of the spreadsheet workers.
   *
   * @param sheet sheet name (workbooks), {@code null} for the first visible sheet
   * @param sheetIndex 1-based sheet number, used when no name is given
   * @param headerRow 1-based row holding the column names (default 1)
   * @param columns header (or column letter) to field name, in reading order; only these are read
   * @param columnTypes field to {@code text | decimal | integer | date | datetime | boolean | auto}
   * @param dateFormats java.time patterns tried before ISO, e.g. {@code dd.MM.yyyy}
   */
  public record Layout(String sheet, Integer sheetIndex, Integer headerRow, Map<String, String> columns,
      Map<String, String> columnTypes, String delimiter, String quote, String encoding, String decimalSeparator,
      String thousandsSeparator, List<String> dateFormats) {}

  /** One data row: its 1-based row (CSV: record) number and its typed values by field name. */
  public record Row(int number, Map<String, Object> values) {}

  private TabularSource(RecordSource source) {
    this.source = source;
  }

  /**
   * Opens {@code file}; {@code reference} names it in messages. A bad layout setting throws {@link
   * IllegalArgumentException}; an unreadable, hostile or unsupported file a permanent {@link
   * TechnicalFailure}; a missing sheet or column a {@link BusinessError}.
   */
  public static TabularSource open(Path file, String reference, Layout layout) throws TechnicalFailure, BusinessError {
    Map<String, ColumnType> types = new LinkedHashMap<>();
    if (layout.columnTypes() != null) {
      layout.columnTypes().forEach((column, type) -> types.put(column, ColumnType.parse(type, column)));
    }
    ReadOptions options = new ReadOptions(new SheetSelector(layout.sheet(), layout.sheetIndex()),
        layout.headerRow() == null ? 1 : layout.headerRow(), layout.columns(), types,
        CsvSettings.of(layout.delimiter(), layout.quote(), layout.encoding(), layout.decimalSeparator(),
            layout.thousandsSeparator(), layout.dateFormats()), null);
    return new TabularSource(RecordSources.open(file, reference, options));
  }

  /** The field names, in column order. */
  public List<String> fields() {
    return source.fields();
  }

  /** The next non-blank data row, or {@code null} at the end. */
  public Row next() throws TechnicalFailure, BusinessError {
    SheetRecord record = source.next();
    return record == null ? null : new Row(record.row(), record.values());
  }

  /** The sheet being read, or {@code null} for a text file. */
  public String sheetName() {
    return source.sheetName();
  }

  @Override
  public void close() {
    source.close();
  }
}
