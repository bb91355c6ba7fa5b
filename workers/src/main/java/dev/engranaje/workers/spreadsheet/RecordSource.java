package dev.engranaje.workers.spreadsheet;

import dev.engranaje.workers.api.BusinessError;
import dev.engranaje.workers.api.TechnicalFailure;
import java.util.List;

/** Streams the data rows of a sheet, CSV or JSON Lines file as field maps. Not thread-safe. */
interface RecordSource extends AutoCloseable {
  /** The field names, in column order. */
  List<String> fields();

  /** The next data row, or {@code null} at the end; blank rows are skipped. */
  SheetRecord next() throws TechnicalFailure, BusinessError;

  /** The sheet read, or {@code null} for a text file. */
  String sheetName();

  @Override
  void close();
}
