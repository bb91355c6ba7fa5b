package dev.engranaje.workers.spreadsheet;

import dev.engranaje.workers.api.BusinessError;
import dev.engranaje.workers.api.TechnicalFailure;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.util.CellReference;

/**
 * Maps the rows of a {@link RowReader} to records: finds the header row, names the fields (renamed
 * and selected by {@link ReadOptions#columns()}), converts declared column types and skips blank
 * rows. A value that does not fit its declared type fails naming the file, sheet, row and column.
 */
final class TabularRecords implements RecordSource {
  static final String COLUMN_NOT_FOUND = "COLUMN_NOT_FOUND";
  static final String NO_SUCH_COLUMN =
      "Expected a column '%s' in the header (row %d) of '%s', but it has %s; fix 'columns' or the file";
  static final String NO_HEADER =
      "Expected the column names in row %d of '%s', but that row is empty or missing; set 'headerRow' to the"
          + " row holding them (0 for none)";
  static final String BROKEN_CELL =
      "Expected %s in column '%s' of '%s'%s row %d, but found '%s'; fix the cell or change 'columnTypes'";

  private final RowReader rows;
  private final ReadOptions options;
  private final String reference;
  private final ValueConverter converter;
  private int[] columnIndexes;
  private List<String> fields;
  private ColumnType[] types;
  private RawRow pending;

  private TabularRecords(RowReader rows, ReadOptions options, String reference) {
    this.rows = rows;
    this.options = options;
    this.reference = reference;
    this.converter = new ValueConverter(options.csv());
  }

  /** Reads up to the header row and prepares the field mapping. Closes {@code rows} on failure. */
  static TabularRecords over(RowReader rows, ReadOptions options, String reference)
      throws TechnicalFailure, BusinessError {
    TabularRecords records = new TabularRecords(rows, options, reference);
    try {
      records.readHeader();
      return records;
    } catch (TechnicalFailure | BusinessError | RuntimeException e) {
      rows.close();
      throw e;
    }
  }

  private void readHeader() throws TechnicalFailure, BusinessError {
    List<String> headers = new ArrayList<>();
    if (options.headerRow() > 0) {
      RawRow row = rows.next();
      while (row != null && row.number() < options.headerRow()) {
        row = rows.next();
      }
      if (row == null || row.number() != options.headerRow() || isBlank(row)) {
        throw TechnicalFailure.permanent(String.format(NO_HEADER, options.headerRow(), reference));
      }
      headers = headerNames(row);
    } else {
      pending = rows.next();
      int width = pending == null ? 0 : pending.cells().length;
      for (int i = 0; i < width; i++) {
        headers.add(CellReference.convertNumToColString(i));
      }
    }
    select(headers);
  }

  private static List<String> headerNames(RawRow row) {
    List<String> names = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Map<String, Integer> repeats = new HashMap<>();
    for (int i = 0; i < row.cells().length; i++) {
      Object cell = row.cells()[i];
      String name = cell == null ? "" : ValueConverter.text(cell).strip();
      if (name.isEmpty()) {
        name = CellReference.convertNumToColString(i);
      }
      String unique = name;
      while (!seen.add(unique)) {
        unique = name + "_" + (repeats.merge(name, 1, Integer::sum) + 1);
      }
      names.add(unique);
    }
    return names;
  }

  private void select(List<String> headers) throws BusinessError {
    Map<String, Integer> byHeader = new HashMap<>();
    for (int i = 0; i < headers.size(); i++) {
      byHeader.put(headers.get(i), i);
      byHeader.putIfAbsent(CellReference.convertNumToColString(i), i);
    }
    Map<String, String> mapping = new LinkedHashMap<>();
    if (options.columns().isEmpty()) {
      headers.forEach(header -> mapping.put(header, header));
    } else {
      mapping.putAll(options.columns());
    }
    columnIndexes = new int[mapping.size()];
    fields = new ArrayList<>(mapping.size());
    types = new ColumnType[mapping.size()];
    int position = 0;
    for (Map.Entry<String, String> column : mapping.entrySet()) {
      Integer index = byHeader.get(column.getKey());
      if (index == null) {
        throw new BusinessError(COLUMN_NOT_FOUND, String.format(NO_SUCH_COLUMN, column.getKey(),
            Math.max(1, options.headerRow()), reference, headers.size() > 20 ? headers.subList(0, 20) + "..." : headers));
      }
      String field = column.getValue() == null || column.getValue().isBlank() ? column.getKey() : column.getValue();
      columnIndexes[position] = index;
      fields.add(field);
      types[position++] = options.types().getOrDefault(field, options.types().getOrDefault(column.getKey(), ColumnType.AUTO));
    }
  }

  @Override
  public List<String> fields() {
    return List.copyOf(fields);
  }

  @Override
  public SheetRecord next() throws TechnicalFailure {
    RawRow row;
    while ((row = nextRaw()) != null) {
      Map<String, Object> values = new LinkedHashMap<>(fields.size() * 2);
      boolean blank = true;
      for (int i = 0; i < columnIndexes.length; i++) {
        Object value = convert(row, i);
        blank &= value == null;
        values.put(fields.get(i), value);
      }
      if (!blank) {
        return new SheetRecord(row.number(), values);
      }
    }
    return null;
  }

  private RawRow nextRaw() throws TechnicalFailure {
    if (pending != null) {
      RawRow row = pending;
      pending = null;
      return row;
    }
    return rows.next();
  }

  private Object convert(RawRow row, int position) throws TechnicalFailure {
    Object raw = row.cell(columnIndexes[position]);
    try {
      return converter.convert(raw, types[position]);
    } catch (IllegalArgumentException | ArithmeticException e) {
      String sheet = rows.sheetName() == null ? "" : " sheet '" + rows.sheetName() + "'";
      String shown = ValueConverter.text(raw);
      shown = shown.length() > 60 ? shown.substring(0, 60) + "..." : shown;
      throw TechnicalFailure.permanent(String.format(BROKEN_CELL, e.getMessage(), fields.get(position), reference, sheet,
          row.number(), shown), e);
    }
  }

  private static boolean isBlank(RawRow row) {
    for (Object cell : row.cells()) {
      if (cell != null) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String sheetName() {
    return rows.sheetName();
  }

  @Override
  public void close() {
    rows.close();
  }
}
