package dev.engranaje.workers.spreadsheet;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A compiled {@link Condition}: tests one field of a record. Numbers (and text that parses as a
 * number, when the other side is a number) compare as exact decimals; everything else compares as
 * text, which orders ISO dates correctly. A blank field matches only {@code isEmpty} and {@code
 * notEquals}. Immutable and thread-safe.
 */
final class RowMatcher implements Predicate<Map<String, Object>> {
  static final String UNKNOWN_OPERATOR =
      "Expected an operator (equals, notEquals, contains, startsWith, endsWith, greaterThan, greaterOrEqual,"
          + " lessThan, lessOrEqual, isEmpty, isNotEmpty, in), but condition %d has '%s'";
  static final String UNKNOWN_COLUMN = "Expected condition %d to name a column of '%s', but '%s' is not one of %s";
  static final String MISSING_VALUE = "Expected a value for condition %d ('%s' %s), but it has none";

  private enum Operator { EQUALS, NOTEQUALS, CONTAINS, STARTSWITH, ENDSWITH, GREATERTHAN, GREATEROREQUAL, LESSTHAN,
    LESSOREQUAL, ISEMPTY, ISNOTEMPTY, IN }

  private final String column;
  private final Operator operator;
  private final Object value;
  private final boolean ignoreCase;

  private RowMatcher(String column, Operator operator, Object value, boolean ignoreCase) {
    this.column = column;
    this.operator = operator;
    this.value = value;
    this.ignoreCase = ignoreCase;
  }

  /** Compiles condition number {@code position} (1-based) against the fields of {@code file}. */
  static RowMatcher compile(Condition condition, int position, List<String> fields, String file) {
    Operator operator;
    try {
      operator = Operator.valueOf(String.valueOf(condition.operator()).replace("_", "").toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(String.format(UNKNOWN_OPERATOR, position, condition.operator()), e);
    }
    if (!fields.contains(condition.column())) {
      throw new IllegalArgumentException(String.format(UNKNOWN_COLUMN, position, file, condition.column(), fields));
    }
    if (condition.value() == null && operator != Operator.ISEMPTY && operator != Operator.ISNOTEMPTY) {
      throw new IllegalArgumentException(String.format(MISSING_VALUE, position, condition.column(), condition.operator()));
    }
    return new RowMatcher(condition.column(), operator, condition.value(), Boolean.TRUE.equals(condition.ignoreCase()));
  }

  @Override
  public boolean test(Map<String, Object> record) {
    Object field = record.get(column);
    boolean empty = field == null || field.toString().isBlank();
    return switch (operator) {
      case ISEMPTY -> empty;
      case ISNOTEMPTY -> !empty;
      case NOTEQUALS -> empty || compare(field, value) != 0;
      case IN -> !empty && value instanceof Collection<?> options && options.stream().anyMatch(o -> compare(field, o) == 0);
      default -> !empty && matches(field);
    };
  }

  private boolean matches(Object field) {
    return switch (operator) {
      case EQUALS -> compare(field, value) == 0;
      case CONTAINS -> text(field).contains(text(value));
      case STARTSWITH -> text(field).startsWith(text(value));
      case ENDSWITH -> text(field).endsWith(text(value));
      case GREATERTHAN -> compare(field, value) > 0;
      case GREATEROREQUAL -> compare(field, value) >= 0;
      case LESSTHAN -> compare(field, value) < 0;
      case LESSOREQUAL -> compare(field, value) <= 0;
      default -> false;
    };
  }

  private int compare(Object left, Object right) {
    BigDecimal a = number(left);
    BigDecimal b = number(right);
    if (a != null && b != null && (left instanceof Number || right instanceof Number)) {
      return a.compareTo(b);
    }
    return text(left).compareTo(text(right));
  }

  private String text(Object value) {
    String text = value == null ? "" : ValueConverter.text(value);
    return ignoreCase ? text.toLowerCase(Locale.ROOT) : text;
  }

  private static BigDecimal number(Object value) {
    if (value instanceof BigDecimal decimal) {
      return decimal;
    }
    if (value instanceof Number || value instanceof String) {
      try {
        return new BigDecimal(value.toString().strip());
      } catch (NumberFormatException notANumber) {
        return null;
      }
    }
    return null;
  }
}
