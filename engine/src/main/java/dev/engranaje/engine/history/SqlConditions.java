package dev.engranaje.engine.history;

import dev.engranaje.engine.history.HistoryQuery.Condition;
import dev.engranaje.engine.history.HistoryQuery.Operator;
import dev.engranaje.engine.history.HistoryQuery.VariableCondition;
import java.util.ArrayList;
import java.util.List;

/** Turns query conditions into a SQL WHERE clause and its arguments. */
final class SqlConditions {
  private final List<String> clauses = new ArrayList<>();
  private final List<Object> arguments = new ArrayList<>();

  SqlConditions add(String clause, Object... args) {
    clauses.add(clause);
    arguments.addAll(List.of(args));
    return this;
  }

  SqlConditions add(Condition condition) {
    HistoryField field = condition.field();
    List<Object> args = new ArrayList<>();
    String clause = comparison(field.sql(), field.type(), condition.operator(), condition.values(), args);
    clauses.add(field.wrapper() == null ? clause : field.wrapper().formatted(clause));
    arguments.addAll(args);
    return this;
  }

  /** The instance {@code t} has a visible variable with the name whose value compares as given. */
  SqlConditions add(VariableCondition condition) {
    List<Object> args = new ArrayList<>();
    args.add(condition.name());
    String clause = comparison("v.value", HistoryField.Type.VARIABLE_VALUE, condition.operator(), condition.values(),
        args);
    clauses.add("EXISTS (SELECT 1 FROM h_variable v WHERE v.process_instance_key = t.process_instance_key"
        + " AND (v.scope_active = 1 OR v.scope_key = v.process_instance_key) AND v.name = ? AND " + clause + ")");
    arguments.addAll(args);
    return this;
  }

  String where() {
    return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
  }

  List<Object> arguments() {
    return arguments;
  }

  private static String comparison(String sql, HistoryField.Type type, Operator operator, List<Object> values,
      List<Object> args) {
    if (type == HistoryField.Type.VARIABLE_VALUE && operator != Operator.EXISTS) {
      String content = "(CASE WHEN json_type(" + sql + ") = 'text' THEN json_extract(" + sql + ", '$') END)";
      String asJson = comparison(sql, HistoryField.Type.TEXT, operator, values, args);
      String asContent = comparison(content, HistoryField.Type.TEXT, operator, values, args);
      boolean negative = operator == Operator.NEQ || operator == Operator.NOT_IN;
      return "(" + asJson + (negative ? " AND " : " OR ") + asContent + ")";
    }
    boolean none = type == HistoryField.Type.KEY || type == HistoryField.Type.DATE;
    switch (operator) {
      case EXISTS -> {
        boolean exists = Boolean.TRUE.equals(values.get(0));
        String present = none ? "(" + sql + " IS NOT NULL AND " + sql + " <> -1)" : "(" + sql + " IS NOT NULL)";
        return exists ? present : "NOT " + present;
      }
      case IN, NOT_IN -> {
        if (values.isEmpty()) {
          return operator == Operator.IN ? "0" : "1";
        }
        values.forEach(value -> args.add(argument(value)));
        String marks = String.join(",", java.util.Collections.nCopies(values.size(), "?"));
        return sql + (operator == Operator.IN ? " IN (" : " NOT IN (") + marks + ")";
      }
      case LIKE -> {
        args.add(glob(String.valueOf(values.get(0))));
        return sql + " GLOB ?";
      }
      default -> {
        args.add(argument(values.get(0)));
        String symbol = switch (operator) {
          case EQ -> "=";
          case NEQ -> "<>";
          case GT -> ">";
          case GTE -> ">=";
          case LT -> "<";
          case LTE -> "<=";
          default -> throw new IllegalStateException("Unexpected operator " + operator);
        };
        // a missing value (NULL) differs from every value
        return operator == Operator.NEQ ? "(" + sql + " IS NULL OR " + sql + " <> ?)" : sql + " " + symbol + " ?";
      }
    }
  }

  private static Object argument(Object value) {
    return value instanceof Boolean b ? (b ? 1 : 0) : value;
  }

  /**
   * The client's wildcards ({@code *} any run, {@code ?} one character, a backslash escapes) as a
   * case-sensitive SQLite GLOB pattern, with GLOB's own metacharacters taken literally.
   */
  static String glob(String like) {
    StringBuilder pattern = new StringBuilder();
    for (int i = 0; i < like.length(); i++) {
      char c = like.charAt(i);
      if (c == '\\' && i + 1 < like.length()) {
        char next = like.charAt(++i);
        pattern.append(next == '*' || next == '?' || next == '[' ? "[" + next + "]" : String.valueOf(next));
      } else if (c == '[') {
        pattern.append("[[]");
      } else {
        pattern.append(c);
      }
    }
    return pattern.toString();
  }
}
