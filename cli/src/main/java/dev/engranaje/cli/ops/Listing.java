package dev.engranaje.cli.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Prints rows either as an aligned table (local times, long values cut with an ellipsis, line
 * breaks shown as a space) or as JSON: {@code {"items": [...], "totalItems": N}} with one object per
 * row, keys as strings (64-bit keys do not fit a JavaScript number), times in ISO-8601, enums by name,
 * variable values as JSON. Stateless apart from its columns; not thread-safe to print concurrently.
 *
 * @param <T> the row type
 */
final class Listing<T> {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final String ELLIPSIS = "…";
  private static final String GAP = "  ";

  private final List<Column<T>> columns;
  private final Times times;

  Listing(List<Column<T>> columns, Times times) {
    this.columns = List.copyOf(columns);
    this.times = times;
  }

  /**
   * Prints the rows.
   *
   * @param total how many matched in all (may exceed {@code rows.size()}), or -1 when unknown
   * @param noun what a row is, plural ("instances"), for the empty and footer lines
   */
  void print(PrintWriter out, boolean json, List<T> rows, long total, String noun) {
    if (json) {
      out.println(json(rows, total));
    } else {
      table(out, rows, total, noun);
    }
    out.flush();
  }

  String json(List<T> rows, long total) {
    ObjectNode document = JSON.createObjectNode();
    ArrayNode items = document.putArray("items");
    for (T row : rows) {
      items.add(jsonRow(row));
    }
    document.put("totalItems", total < 0 ? rows.size() : total);
    return pretty(document);
  }

  ObjectNode jsonRow(T row) {
    ObjectNode node = JSON.createObjectNode();
    for (Column<T> column : columns) {
      node.set(column.field(), jsonValue(column.value().apply(row)));
    }
    return node;
  }

  static String pretty(JsonNode node) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Expected a JSON tree to serialise, but " + e.getMessage(), e);
    }
  }

  static JsonNode jsonValue(Object value) {
    if (value == null) {
      return JSON.nullNode();
    }
    if (value instanceof RawJson raw) {
      try {
        return JSON.readTree(raw.json());
      } catch (JsonProcessingException notJson) {
        return JSON.getNodeFactory().textNode(raw.json());
      }
    }
    if (value instanceof Boolean bool) {
      return JSON.getNodeFactory().booleanNode(bool);
    }
    if (value instanceof Integer number) {
      return JSON.getNodeFactory().numberNode(number);
    }
    if (value instanceof Collection<?> list) {
      ArrayNode array = JSON.createArrayNode();
      list.forEach(element -> array.add(jsonValue(element)));
      return array;
    }
    // Long keys, times (ISO-8601) and enums: as strings
    return JSON.getNodeFactory().textNode(value.toString());
  }

  private void table(PrintWriter out, List<T> rows, long total, String noun) {
    if (rows.isEmpty()) {
      out.println("No " + noun + " match.");
      return;
    }
    List<Column<T>> columns = this.columns.stream().filter(Column::inTable).toList();
    List<String[]> cells = new ArrayList<>(rows.size() + 1);
    String[] headers = columns.stream().map(Column::header).toArray(String[]::new);
    cells.add(headers);
    for (T row : rows) {
      String[] line = new String[columns.size()];
      for (int i = 0; i < line.length; i++) {
        Column<T> column = columns.get(i);
        line[i] = cut(text(column.value().apply(row)), column.maxWidth());
      }
      cells.add(line);
    }
    int[] widths = new int[columns.size()];
    for (String[] line : cells) {
      for (int i = 0; i < line.length; i++) {
        widths[i] = Math.max(widths[i], line[i].codePointCount(0, line[i].length()));
      }
    }
    for (String[] line : cells) {
      out.println(align(line, widths));
    }
    if (total > rows.size()) {
      out.printf("(%d of %d %s shown; raise --limit or narrow the filter)%n", rows.size(), total, noun);
    }
  }

  private static String align(String[] line, int[] widths) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < line.length; i++) {
      text.append(line[i]);
      if (i < line.length - 1) {
        text.append(" ".repeat(widths[i] - line[i].codePointCount(0, line[i].length()))).append(GAP);
      }
    }
    return text.toString().stripTrailing();
  }

  String text(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof OffsetDateTime time) {
      return times.table(time);
    }
    if (value instanceof Boolean bool) {
      return bool ? "yes" : "no";
    }
    if (value instanceof Collection<?> list) {
      return String.join(",", list.stream().map(String::valueOf).toList());
    }
    return value.toString().replace("\r\n", " ").replace('\n', ' ').replace('\t', ' ');
  }

  static String cut(String text, int maxWidth) {
    if (text.codePointCount(0, text.length()) <= maxWidth) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, maxWidth - 1)) + ELLIPSIS;
  }
}
