package dev.engranaje.workers.spreadsheet;

import dev.engranaje.workers.api.BusinessError;
import dev.engranaje.workers.api.JobContext;
import dev.engranaje.workers.api.TechnicalFailure;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows to write, from the {@code rows} variable or streamed from a {@code source} file, as
 * value lists in column order with declared column types applied. Values from variables arrive as
 * JSON numbers; they become exact decimals from their shortest text, never binary expansions.
 */
final class RowFeed implements AutoCloseable {
  static final String NO_ROWS =
      "Expected rows to write in 'rows' or a 'source' file, but %s; give exactly one of them";
  static final String BROKEN_VALUE =
      "Expected %s for column '%s' in row %d of %s, but found '%s'; fix the value or change 'columnTypes'";

  private final Iterator<Map<String, Object>> listed;
  private final RecordSource streamed;
  private final List<String> columns;
  private final ColumnType[] types;
  private final ValueConverter converter;
  private final String origin;
  private int row;

  private RowFeed(Iterator<Map<String, Object>> listed, RecordSource streamed, List<String> columns,
      Map<String, ColumnType> declared, CsvSettings csv, String origin) {
    this.listed = listed;
    this.streamed = streamed;
    this.columns = List.copyOf(columns);
    this.types = new ColumnType[columns.size()];
    for (int i = 0; i < types.length; i++) {
      types[i] = declared.getOrDefault(columns.get(i), ColumnType.AUTO);
    }
    this.converter = new ValueConverter(csv);
    this.origin = origin;
  }

  static RowFeed open(JobContext context, WriteSettings settings) throws TechnicalFailure, BusinessError {
    boolean hasRows = settings.rows() != null;
    boolean hasSource = settings.source() != null && !settings.source().isBlank();
    if (hasRows == hasSource) {
      throw TechnicalFailure.permanent(String.format(NO_ROWS, hasRows ? "both were given" : "neither was given"));
    }
    Map<String, ColumnType> types = settings.types();
    if (hasRows) {
      List<String> columns = settings.columns() != null && !settings.columns().isEmpty() ? settings.columns()
          : unionOfKeys(settings.rows());
      return new RowFeed(settings.rows().iterator(), null, columns, types, settings.csv(), "'rows'");
    }
    RecordSource source = RecordSources.open(context.workspace().resolve(settings.source()), settings.source(),
        ReadOptions.DEFAULT);
    List<String> columns = settings.columns() != null && !settings.columns().isEmpty() ? settings.columns()
        : source.fields();
    return new RowFeed(null, source, columns, types, settings.csv(), "'" + settings.source() + "'");
  }

  private static List<String> unionOfKeys(List<Map<String, Object>> rows) {
    Set<String> keys = new LinkedHashSet<>();
    rows.forEach(row -> keys.addAll(row.keySet()));
    return new ArrayList<>(keys);
  }

  List<String> columns() {
    return columns;
  }

  /** The next row's values in column order, or {@code null} at the end. */
  List<Object> next() throws TechnicalFailure, BusinessError {
    Map<String, Object> record;
    if (listed != null) {
      record = listed.hasNext() ? listed.next() : null;
    } else {
      SheetRecord next = streamed.next();
      record = next == null ? null : next.values();
    }
    if (record == null) {
      return null;
    }
    row++;
    List<Object> values = new ArrayList<>(columns.size());
    for (int i = 0; i < types.length; i++) {
      values.add(convert(record.get(columns.get(i)), i));
    }
    return values;
  }

  private Object convert(Object value, int column) throws TechnicalFailure {
    Object exact = value instanceof Double || value instanceof Float ? new BigDecimal(value.toString()) : value;
    try {
      return converter.convert(exact, types[column]);
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw TechnicalFailure.permanent(String.format(BROKEN_VALUE, e.getMessage(), columns.get(column), row, origin,
          ValueConverter.text(value)), e);
    }
  }

  int rowsRead() {
    return row;
  }

  @Override
  public void close() {
    if (streamed != null) {
      streamed.close();
    }
  }
}
