package dev.engranaje.workers.spreadsheet;

import dev.engranaje.workers.api.BusinessError;
import dev.engranaje.workers.api.TechnicalFailure;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens the right {@link RecordSource} for a file: xlsx, xls, CSV or JSON Lines. */
final class RecordSources {
  static final String MISSING = "Expected the file '%s' in the workspace, but it does not exist; check the reference"
      + " and that an earlier step wrote it";

  private RecordSources() {}

  static RecordSource open(Path file, String reference, ReadOptions options) throws TechnicalFailure, BusinessError {
    if (!Files.isRegularFile(file)) {
      throw TechnicalFailure.permanent(String.format(MISSING, reference));
    }
    SpreadsheetFormat format = SpreadsheetFormat.detect(file, reference);
    return switch (format) {
      case JSON_LINES -> JsonLinesRecords.open(file, reference);
      case CSV -> TabularRecords.over(CsvRowReader.open(file, reference, options.csv()), options, reference);
      case XLSX, XLS -> TabularRecords.over(
          WorkbookRowReader.open(file, reference, format, options.sheet(), options.password()), options, reference);
    };
  }
}
