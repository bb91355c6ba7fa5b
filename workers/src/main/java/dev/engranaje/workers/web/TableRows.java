package dev.engranaje.workers.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * Reads an HTML table into rows keyed by its header cells in one script call (one round trip, not
 * one per cell). The header is the first row made only of {@code <th>} cells; without one, or for
 * cells beyond it, keys are {@code column1}, {@code column2}, … Cell text is trimmed with inner
 * whitespace collapsed.
 */
final class TableRows {
  static final String NOT_A_TABLE = "Expected step %d (extract) target %s to be a <table>, but it is <%s>";
  static final String TOO_MANY = "Expected at most %d rows from step %d (extract) table %s, but it has %d;"
      + " outputs stay small: download the data as a file instead";
  static final int MAX_ROWS = 1000;

  private static final String READ_TABLE = String.join("\n",
      "var t = arguments[0];",
      "if (!t.rows) { return t.tagName; }",
      "var out = [];",
      "for (var i = 0; i < t.rows.length; i++) {",
      "  var r = t.rows[i]; var cells = []; var header = r.cells.length > 0;",
      "  for (var j = 0; j < r.cells.length; j++) {",
      "    var c = r.cells[j];",
      "    cells.push((c.textContent || '').replace(/\\s+/g, ' ').trim());",
      "    if (c.tagName.toLowerCase() !== 'th') { header = false; }",
      "  }",
      "  out.push({header: header, cells: cells});",
      "}",
      "return out;");

  private TableRows() {}

  /** The table's rows; fails (as an IllegalArgumentException naming the step) for a non-table or too many rows. */
  static List<Map<String, String>> read(WebDriver driver, WebElement table, int step, Target target) {
    Object result = ((JavascriptExecutor) driver).executeScript(READ_TABLE, table);
    if (!(result instanceof List<?> rows)) {
      throw new IllegalArgumentException(String.format(NOT_A_TABLE, step, target, String.valueOf(result).toLowerCase(java.util.Locale.ROOT)));
    }
    List<String> keys = null;
    List<Map<String, String>> out = new ArrayList<>();
    for (Object row : rows) {
      Map<?, ?> fields = (Map<?, ?>) row;
      List<String> cells = ((List<?>) fields.get("cells")).stream().map(String::valueOf).toList();
      if (keys == null && Boolean.TRUE.equals(fields.get("header"))) {
        keys = cells;
        continue;
      }
      out.add(toRow(keys == null ? List.of() : keys, cells));
    }
    if (out.size() > MAX_ROWS) {
      throw new IllegalArgumentException(String.format(TOO_MANY, MAX_ROWS, step, target, out.size()));
    }
    return out;
  }

  private static Map<String, String> toRow(List<String> keys, List<String> cells) {
    Map<String, String> row = new LinkedHashMap<>();
    for (int i = 0; i < cells.size(); i++) {
      String key = i < keys.size() && !keys.get(i).isEmpty() && !row.containsKey(keys.get(i)) ? keys.get(i) : "column" + (i + 1);
      row.put(key, cells.get(i));
    }
    return row;
  }
}
