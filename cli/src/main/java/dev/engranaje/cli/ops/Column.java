package dev.engranaje.cli.ops;

import java.util.function.Function;

/**
 * One column of a listing: the table header, the JSON field name, how to read the value from a row
 * and the widest the table cell may be (longer values are cut with an ellipsis; JSON is never cut).
 * A column with no header is in the JSON only, keeping tables narrow enough for a laptop screen.
 *
 * @param <T> the row type
 */
record Column<T>(String header, String field, Function<T, Object> value, int maxWidth) {
  static final int DEFAULT_WIDTH = 40;

  static <T> Column<T> of(String header, String field, Function<T, Object> value) {
    return new Column<>(header, field, value, DEFAULT_WIDTH);
  }

  static <T> Column<T> wide(String header, String field, Function<T, Object> value, int maxWidth) {
    return new Column<>(header, field, value, maxWidth);
  }

  /** A field for {@code --json} that the table leaves out. */
  static <T> Column<T> jsonOnly(String field, Function<T, Object> value) {
    return new Column<>(null, field, value, 0);
  }

  boolean inTable() {
    return header != null;
  }
}
