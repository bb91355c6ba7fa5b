package dev.engranaje.workers.spreadsheet;

import java.util.Locale;

/**
 * The type a column's values are converted to. {@code AUTO} keeps a workbook cell's own type (and
 * reads CSV as text); the others convert, and a value that does not fit is a broken cell.
 */
enum ColumnType {
  AUTO,
  TEXT,
  DECIMAL,
  INTEGER,
  DATE,
  DATETIME,
  BOOLEAN;

  static final String UNKNOWN =
      "Expected a column type (text, decimal, integer, date, datetime, boolean or auto), but got '%s' for column"
          + " '%s'";

  static ColumnType parse(String name, String column) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(String.format(UNKNOWN, name, column), e);
    }
  }
}
