package dev.engranaje.workers.spreadsheet;

import dev.engranaje.workers.api.TechnicalFailure;

/**
 * Streams the rows of one sheet (or CSV file) in order, skipping rows the file does not hold. Not
 * thread-safe; close it to release the file.
 */
interface RowReader extends AutoCloseable {
  /** The next row, or {@code null} at the end. */
  RawRow next() throws TechnicalFailure;

  /** The sheet being read, or {@code null} for a CSV file. */
  String sheetName();

  @Override
  void close();
}
