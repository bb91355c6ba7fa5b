package dev.engranaje.workers.spreadsheet;

import java.io.IOException;
import java.util.List;

/**
 * Writes rows to a new or existing xlsx sheet or CSV file. Values are typed as in {@link
 * SheetRecord}; text that looks like a formula is neutralised by {@link FormulaInjectionGuard}.
 * Nothing is visible under the target name until {@link #commit()} succeeds. Not thread-safe.
 */
interface SheetWriter extends AutoCloseable {
  /** The header labels, when the sheet is new. */
  void header(List<String> labels) throws IOException;

  /** One row of values, in column order. */
  void row(List<Object> values) throws IOException;

  /** Completes the file and moves it under its final name. */
  void commit() throws IOException;

  /** Discards an uncommitted file. */
  @Override
  void close();
}
