package dev.engranaje.examples.reconciliation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A reconciliation report read back with POI, every cell as one comparable string: text as it is,
 * a date cell as {@code yyyy-mm-dd}, a money cell (number format with two decimals) as its exact
 * two-decimal amount, a count as its integer; an empty cell as {@code ""}. Rows keep their
 * positions (an empty row is an empty list); trailing empty cells are dropped. A cell of the wrong
 * kind (an amount written as text, a date as a number) reads differently and so fails the
 * comparison.
 */
record ReportWorkbook(Map<String, List<List<String>>> sheets, Map<String, SheetLayout> layouts) {

  /** How a data sheet is laid out for a person: frozen header row and autofilter. */
  record SheetLayout(int frozenRows, String autoFilter) {}

  static ReportWorkbook read(byte[] xlsx) throws IOException {
    Map<String, List<List<String>>> sheets = new LinkedHashMap<>();
    Map<String, SheetLayout> layouts = new LinkedHashMap<>();
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      for (Sheet sheet : workbook) {
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r <= sheet.getLastRowNum(); r++) {
          rows.add(row(sheet.getRow(r)));
        }
        sheets.put(sheet.getSheetName(), rows);
        PaneInformation pane = sheet.getPaneInformation();
        XSSFSheet xssf = (XSSFSheet) sheet;
        String filter = xssf.getCTWorksheet().isSetAutoFilter() ? xssf.getCTWorksheet().getAutoFilter().getRef() : null;
        layouts.put(sheet.getSheetName(), new SheetLayout(pane != null && pane.isFreezePane() ? pane.getHorizontalSplitPosition() : 0, filter));
      }
    }
    return new ReportWorkbook(sheets, layouts);
  }

  List<String> sheetNames() {
    return List.copyOf(sheets.keySet());
  }

  List<List<String>> rows(String sheet) {
    List<List<String>> rows = sheets.get(sheet);
    if (rows == null) {
      throw new AssertionError("Expected a sheet '" + sheet + "' in the report, but it has " + sheets.keySet());
    }
    return rows;
  }

  /** The data rows of a sheet with a header row: everything below row 1. */
  List<List<String>> dataRows(String sheet) {
    List<List<String>> rows = rows(sheet);
    return rows.isEmpty() ? rows : rows.subList(1, rows.size());
  }

  private static List<String> row(Row row) {
    List<String> cells = new ArrayList<>();
    if (row == null) {
      return cells;
    }
    for (int c = 0; c < row.getLastCellNum(); c++) {
      cells.add(cell(row.getCell(c)));
    }
    while (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) {
      cells.remove(cells.size() - 1);
    }
    return cells;
  }

  private static String cell(Cell cell) {
    if (cell == null || cell.getCellType() == CellType.BLANK) {
      return "";
    }
    if (cell.getCellType() == CellType.STRING) {
      return cell.getStringCellValue();
    }
    if (cell.getCellType() != CellType.NUMERIC) {
      return cell.getCellType() + ":" + cell;
    }
    if (DateUtil.isCellDateFormatted(cell)) {
      return cell.getLocalDateTimeCellValue().toLocalDate().toString();
    }
    BigDecimal number = BigDecimal.valueOf(cell.getNumericCellValue());
    if (cell.getCellStyle().getDataFormatString().contains("0.00")) {
      // exact: a money cell must hold its amount to the cent, nothing to round
      return number.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }
    return number.stripTrailingZeros().toPlainString();
  }
}
