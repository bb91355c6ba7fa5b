package dev.engranaje.workers.spreadsheet;

import dev.engranaje.workers.api.Secret;
import java.util.List;
import java.util.Map;

/** Builds worker inputs for tests with only the fields a test cares about. */
final class Inputs {
  private Inputs() {}

  static ReadSpreadsheetWorker.Input read(String file) {
    return read(file, null, null, null, null);
  }

  static ReadSpreadsheetWorker.Input read(String file, Integer headerRow, Secret password, String into, Integer max) {
    return new ReadSpreadsheetWorker.Input(file, null, null, headerRow, null, null, null, null, null, null, null, null,
        password, into, max, null);
  }

  static ReadSpreadsheetWorker.Input csv(String file, String delimiter, String encoding, String decimal,
      String thousands, List<String> dateFormats, Map<String, String> types, Map<String, String> columns) {
    return new ReadSpreadsheetWorker.Input(file, null, null, null, columns, types, delimiter, null, encoding, decimal,
        thousands, dateFormats, null, null, null, null);
  }

  static WriteSpreadsheetWorker.Input write(String file, List<Map<String, Object>> rows, List<String> columns,
      Map<String, String> types) {
    return new WriteSpreadsheetWorker.Input(file, "Invoices", rows, null, columns, null, types, null, "#,##0.00", null,
        null, Map.of("customer", 30), null, null, null, null, null, null);
  }

  static AppendSpreadsheetWorker.Input append(String file, List<Map<String, Object>> rows, Map<String, String> types) {
    return new AppendSpreadsheetWorker.Input(file, "Invoices", rows, null, null, null, types, null, null, null, null, null,
        null, null, null, null, null, null);
  }
}
