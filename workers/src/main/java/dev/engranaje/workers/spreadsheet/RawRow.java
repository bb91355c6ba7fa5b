package dev.engranaje.workers.spreadsheet;

/**
 * One row as the file holds it: its 1-based row number (the line number for CSV) and its cells
 * by 0-based column, typed by the source ({@code null} for a blank or missing cell).
 */
record RawRow(int number, Object[] cells) {
  Object cell(int column) {
    return column < cells.length ? cells[column] : null;
  }
}
