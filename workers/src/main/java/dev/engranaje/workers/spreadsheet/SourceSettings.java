package dev.engranaje.workers.spreadsheet;

import dev.engranaje.workers.api.Secret;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The inputs every worker that reads a spreadsheet shares, so each input record declares them as
 * flat variables (one per field in the element template) and gets the same defaults. See {@link
 * ReadOptions} and {@link CsvSettings} for their meaning and defaults.
 */
interface SourceSettings {
  String sheet();

  Integer sheetIndex();

  Integer headerRow();

  Map<String, String> columns();

  Map<String, String> columnTypes();

  String delimiter();

  String quote();

  String encoding();

  String decimalSeparator();

  String thousandsSeparator();

  List<String> dateFormats();

  Secret password();

  /** The options these inputs describe; an invalid setting throws {@link IllegalArgumentException}. */
  default ReadOptions readOptions() {
    Map<String, ColumnType> types = new LinkedHashMap<>();
    if (columnTypes() != null) {
      columnTypes().forEach((column, type) -> types.put(column, ColumnType.parse(type, column)));
    }
    return new ReadOptions(new SheetSelector(sheet(), sheetIndex()), headerRow() == null ? 1 : headerRow(), columns(),
        types, CsvSettings.of(delimiter(), quote(), encoding(), decimalSeparator(), thousandsSeparator(), dateFormats()),
        password());
  }
}
