package dev.engranaje.workers.spreadsheet;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The inputs the write and append workers share: the rows (a {@code rows} list, or a {@code
 * source} file such as a data file from a read), their columns and layout.
 */
interface WriteSettings {
  String file();

  String sheet();

  List<Map<String, Object>> rows();

  String source();

  List<String> columns();

  Map<String, String> headers();

  Map<String, String> columnTypes();

  Boolean boldHeader();

  String numberFormat();

  String dateFormat();

  String dateTimeFormat();

  Map<String, Integer> columnWidths();

  Boolean autoFilter();

  String delimiter();

  String quote();

  String encoding();

  String decimalSeparator();

  default WriteStyle style() {
    return new WriteStyle(boldHeader() == null || boldHeader(), numberFormat(), dateFormat(), dateTimeFormat(),
        columnWidths(), autoFilter() == null || autoFilter());
  }

  default CsvSettings csv() {
    return CsvSettings.of(delimiter(), quote(), encoding(), decimalSeparator(), null, List.of());
  }

  default Map<String, ColumnType> types() {
    Map<String, ColumnType> types = new LinkedHashMap<>();
    if (columnTypes() != null) {
      columnTypes().forEach((column, type) -> types.put(column, ColumnType.parse(type, column)));
    }
    return types;
  }

  default String sheetName() {
    return sheet() == null || sheet().isBlank() ? "Sheet1" : sheet();
  }

  /** The header label of a field. */
  default String label(String field) {
    return headers() == null ? field : headers().getOrDefault(field, field);
  }
}
