package dev.engranaje.engine.history;

import java.util.List;

/**
 * A search over one history entity: conditions (all must hold), sort order and the page wanted.
 * Values are typed by their field: Long for keys, integers and dates (epoch millis), Boolean, String.
 */
public record HistoryQuery(List<Condition> conditions, List<VariableCondition> variables, List<Sort> sort,
    int from, int limit) {

  public HistoryQuery {
    conditions = List.copyOf(conditions);
    variables = List.copyOf(variables);
    sort = List.copyOf(sort);
  }

  /** Every entity of the kind, in key order, first page of {@code limit}. */
  public static HistoryQuery all(int limit) {
    return new HistoryQuery(List.of(), List.of(), List.of(), 0, limit);
  }

  /** The comparisons the client's filters offer. */
  public enum Operator { EQ, NEQ, EXISTS, IN, NOT_IN, LIKE, GT, GTE, LT, LTE }

  /** One comparison of a field; IN and NOT_IN take several values, the others one. */
  public record Condition(HistoryField field, Operator operator, List<Object> values) {
    public Condition {
      values = List.copyOf(values);
    }
  }

  /** A process instance has a variable {@code name} whose JSON value text compares as given. */
  public record VariableCondition(String name, Operator operator, List<Object> values) {
    public VariableCondition {
      values = List.copyOf(values);
    }
  }

  public record Sort(HistoryField field, boolean descending) {}
}
