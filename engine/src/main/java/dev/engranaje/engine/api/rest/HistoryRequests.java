package dev.engranaje.engine.api.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.engranaje.engine.history.HistoryEntity;
import dev.engranaje.engine.history.HistoryField;
import dev.engranaje.engine.history.HistoryPage;
import dev.engranaje.engine.history.HistoryQuery;
import dev.engranaje.engine.history.HistoryQuery.Condition;
import dev.engranaje.engine.history.HistoryQuery.Operator;
import dev.engranaje.engine.history.HistoryQuery.Sort;
import dev.engranaje.engine.history.HistoryQuery.VariableCondition;
import io.camunda.client.protocol.rest.SearchQueryPageResponse;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a search request as the client sends it ({@code filter}, {@code sort}, {@code page}) into
 * a {@link HistoryQuery}: filter fields as plain values or operator objects ({@code $eq}, {@code
 * $neq}, {@code $exists}, {@code $in}, {@code $notIn}, {@code $like}, {@code $gt}, {@code $gte},
 * {@code $lt}, {@code $lte}); a field or operator the history cannot honour is a 400 naming it.
 */
final class HistoryRequests {
  static final int MAX_LIMIT = 10_000;
  private static final Map<String, Operator> OPERATORS = Map.of("$eq", Operator.EQ, "$neq", Operator.NEQ,
      "$exists", Operator.EXISTS, "$in", Operator.IN, "$notIn", Operator.NOT_IN, "$like", Operator.LIKE,
      "$gt", Operator.GT, "$gte", Operator.GTE, "$lt", Operator.LT, "$lte", Operator.LTE);

  private HistoryRequests() {}

  /** The query of a search request body over {@code entity}, plus conditions the route fixes. */
  static HistoryQuery query(JsonNode body, HistoryEntity entity, String what, List<Condition> fixed) {
    List<Condition> conditions = new ArrayList<>(fixed);
    List<VariableCondition> variables = new ArrayList<>();
    JsonNode filter = body.path("filter");
    if (!filter.isMissingNode() && !filter.isNull()) {
      if (!filter.isObject()) {
        throw RestRequest.badRequest("Expected 'filter' to be an object");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = filter.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        if (isEmpty(entry.getValue())) {
          continue;
        }
        if (entry.getKey().equals("variables") && entity == HistoryEntity.PROCESS_INSTANCE) {
          variables.addAll(variableConditions(entry.getValue()));
          continue;
        }
        HistoryField field = entity.field(entry.getKey()).orElseThrow(() -> RestRequest.badRequest(
            "Filtering " + what + " by '" + ProblemDetails.echo(entry.getKey()) + "' is not supported; supported: "
                + supported(entity)));
        conditions.addAll(conditions(field, entry.getValue()));
      }
    }
    List<Sort> sort = new ArrayList<>();
    JsonNode sorting = body.path("sort");
    if (sorting.isArray()) {
      for (JsonNode item : sorting) {
        String name = item.path("field").asText("");
        HistoryField field = entity.field(name).filter(HistoryField::output).orElseThrow(() -> RestRequest.badRequest(
            "Sorting " + what + " by '" + ProblemDetails.echo(name) + "' is not supported; supported: "
                + supported(entity)));
        String order = item.path("order").asText("ASC").toUpperCase(Locale.ROOT);
        if (!order.equals("ASC") && !order.equals("DESC")) {
          throw RestRequest.badRequest("Expected sort order ASC or DESC for '" + name + "', but got '"
              + ProblemDetails.echo(order) + "'");
        }
        sort.add(new Sort(field, order.equals("DESC")));
      }
    } else if (!sorting.isMissingNode() && !sorting.isNull()) {
      throw RestRequest.badRequest("Expected 'sort' to be an array");
    }
    SearchQueries.Window window = SearchQueries.window(body, MAX_LIMIT);
    return new HistoryQuery(conditions, variables, sort, window.from(), window.limit());
  }

  /** The page part of a search response: totals and cursors (offsets, opaque to the client). */
  static SearchQueryPageResponse page(HistoryPage page) {
    SearchQueryPageResponse response = new SearchQueryPageResponse();
    response.setTotalItems(page.total());
    response.setHasMoreTotalItems(false);
    if (!page.items().isEmpty()) {
      response.setStartCursor(Integer.toString(page.from()));
      response.setEndCursor(Integer.toString(page.from() + page.items().size()));
    }
    return response;
  }

  private static String supported(HistoryEntity entity) {
    List<String> names = new ArrayList<>(entity.fieldNames());
    if (entity == HistoryEntity.PROCESS_INSTANCE) {
      names.add("variables");
    }
    return String.join(", ", names);
  }

  private static boolean isEmpty(JsonNode node) {
    return node.isNull() || (node.isContainerNode() && node.isEmpty());
  }

  private static List<Condition> conditions(HistoryField field, JsonNode node) {
    List<Condition> conditions = new ArrayList<>();
    if (!node.isObject()) {
      conditions.add(new Condition(field, Operator.EQ, List.of(value(field.name(), field.type(), node))));
      return conditions;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      Operator operator = operator(field.name(), entry.getKey());
      JsonNode operand = entry.getValue();
      if (operand.isNull() || (operand.isArray() && operand.isEmpty())) {
        continue; // the client sends every operator of an advanced filter, unused ones empty
      }
      conditions.add(new Condition(field, operator, operands(field.name(), field.type(), operator, operand)));
    }
    return conditions;
  }

  private static List<VariableCondition> variableConditions(JsonNode node) {
    if (!node.isArray()) {
      throw RestRequest.badRequest("Expected filter 'variables' to be an array of {name, value}");
    }
    List<VariableCondition> conditions = new ArrayList<>();
    for (JsonNode variable : node) {
      String name = variable.path("name").asText("");
      if (name.isEmpty()) {
        throw RestRequest.badRequest("Expected every variable filter to name a variable");
      }
      JsonNode value = variable.path("value");
      if (value.isMissingNode() || value.isNull()) {
        conditions.add(new VariableCondition(name, Operator.EXISTS, List.of(Boolean.TRUE)));
      } else if (!value.isObject()) {
        conditions.add(new VariableCondition(name, Operator.EQ, List.of(value.asText())));
      } else {
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> entry = it.next();
          Operator operator = operator("variables." + name, entry.getKey());
          if (entry.getValue().isNull() || (entry.getValue().isArray() && entry.getValue().isEmpty())) {
            continue;
          }
          conditions.add(new VariableCondition(name, operator,
              operands("variables." + name, HistoryField.Type.VARIABLE_VALUE, operator, entry.getValue())));
        }
      }
    }
    return conditions;
  }

  private static Operator operator(String field, String name) {
    Operator operator = OPERATORS.get(name);
    if (operator == null) {
      throw RestRequest.badRequest("Filter operator '" + ProblemDetails.echo(name) + "' on '" + field
          + "' is not supported; supported: " + String.join(", ", OPERATORS.keySet()));
    }
    return operator;
  }

  private static List<Object> operands(String field, HistoryField.Type type, Operator operator, JsonNode operand) {
    if (operator == Operator.EXISTS) {
      return List.of(booleanValue(field, operand));
    }
    if (operator == Operator.IN || operator == Operator.NOT_IN) {
      if (!operand.isArray()) {
        throw RestRequest.badRequest("Expected an array for '" + field + "' " + operator.name().toLowerCase(Locale.ROOT));
      }
      List<Object> values = new ArrayList<>();
      operand.forEach(item -> values.add(value(field, type, item)));
      return values;
    }
    if (operator == Operator.LIKE) {
      if (type != HistoryField.Type.TEXT && type != HistoryField.Type.VARIABLE_VALUE) {
        throw RestRequest.badRequest("Filter '" + field + "' does not support $like");
      }
      return List.of(operand.asText());
    }
    return List.of(value(field, type, operand));
  }

  private static Object value(String field, HistoryField.Type type, JsonNode node) {
    if (!node.isValueNode()) {
      throw RestRequest.badRequest("Expected filter '" + field + "' to be a plain value or an operator object");
    }
    String text = node.asText();
    return switch (type) {
      case KEY, INTEGER -> {
        try {
          yield Long.parseLong(text);
        } catch (NumberFormatException e) {
          throw RestRequest.badRequest("Expected filter '" + field + "' to be a number, but got '"
              + ProblemDetails.echo(text) + "'");
        }
      }
      case DATE -> {
        try {
          yield OffsetDateTime.parse(text).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
          throw RestRequest.badRequest("Expected filter '" + field + "' to be an ISO-8601 date-time, but got '"
              + ProblemDetails.echo(text) + "'");
        }
      }
      case BOOLEAN -> booleanValue(field, node);
      default -> text;
    };
  }

  private static Boolean booleanValue(String field, JsonNode node) {
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    String text = node.asText();
    if (text.equals("true") || text.equals("false")) {
      return Boolean.valueOf(text);
    }
    throw RestRequest.badRequest("Expected filter '" + field + "' to be true or false");
  }
}
