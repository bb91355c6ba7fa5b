package dev.engranaje.workers.spreadsheet;

import java.util.Locale;

/**
 * Where a worker puts the rows it read: {@code AUTO} (default) into the {@code rows} variable when
 * there are at most {@code maxRowsInVariables}, else into a JSON Lines data file; {@code VARIABLES}
 * always into the variable (more rows than the limit is the business error {@code TOO_MANY_ROWS});
 * {@code FILE} always into the data file.
 */
enum Delivery {
  AUTO,
  VARIABLES,
  FILE;

  static final String UNKNOWN = "Expected 'into' to be auto, variables or file, but got '%s'";

  static Delivery parse(String text) {
    if (text == null || text.isBlank()) {
      return AUTO;
    }
    try {
      return valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(String.format(UNKNOWN, text), e);
    }
  }
}
