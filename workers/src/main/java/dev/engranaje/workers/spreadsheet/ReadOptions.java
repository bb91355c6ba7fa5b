package dev.engranaje.workers.spreadsheet;

import dev.engranaje.workers.api.Secret;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How to turn a file into records.
 *
 * @param sheet which sheet of a workbook
 * @param headerRow the 1-based row holding the column names; 0 means none (fields are named by
 *     column letter A, B, ...). Default 1; rows above it are skipped
 * @param columns header (or column letter) to field name; when not empty only these columns are
 *     read, in this order
 * @param types field or header to {@link ColumnType}; other columns keep the cell's own type (text
 *     for CSV)
 * @param csv CSV layout and parsing settings
 * @param password the workbook password, or {@code null}
 */
record ReadOptions(SheetSelector sheet, int headerRow, Map<String, String> columns, Map<String, ColumnType> types,
    CsvSettings csv, Secret password) {
  static final String NEGATIVE_HEADER_ROW = "Expected 'headerRow' to be 0 (no header) or a row number from 1, but got %d";

  ReadOptions {
    if (headerRow < 0) {
      throw new IllegalArgumentException(String.format(NEGATIVE_HEADER_ROW, headerRow));
    }
    columns = columns == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    types = types == null ? Map.of() : Map.copyOf(types);
  }

  static final ReadOptions DEFAULT = new ReadOptions(SheetSelector.FIRST_VISIBLE, 1, Map.of(), Map.of(),
      CsvSettings.DEFAULT, null);
}
