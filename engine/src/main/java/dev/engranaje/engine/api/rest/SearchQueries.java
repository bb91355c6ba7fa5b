package dev.engranaje.engine.api.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import io.camunda.client.protocol.rest.SearchQueryPageResponse;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads search queries: filters given as plain values or as {@code {"$eq": value}}, and offset
 * pagination ({@code from}/{@code limit}, or the opaque cursors this API hands out).
 */
final class SearchQueries {

  static final int DEFAULT_LIMIT = 100;
  private static final String EQ = "$eq";

  private SearchQueries() {}

  /** The query's filter object (empty when absent), checked against the supported fields. */
  static JsonNode filter(JsonNode query, Set<String> supported) {
    JsonNode filter = query.path("filter");
    if (filter.isMissingNode() || filter.isNull()) {
      return Json.MAPPER.createObjectNode();
    }
    if (!filter.isObject()) {
      throw RestRequest.badRequest("Expected 'filter' to be an object");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = filter.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (!isEmpty(field.getValue()) && !supported.contains(field.getKey())) {
        throw RestRequest.badRequest(
            "Filtering by '" + field.getKey() + "' is not supported; supported: " + supported);
      }
    }
    return filter;
  }

  private static boolean isEmpty(JsonNode node) {
    return node.isNull() || (node.isContainerNode() && node.isEmpty());
  }

  static String string(JsonNode filter, String field) {
    JsonNode value = value(filter, field);
    if (value == null) {
      return null;
    }
    if (!value.isValueNode()) {
      throw RestRequest.badRequest("Expected filter '" + field + "' to be a plain value");
    }
    return value.asText();
  }

  static Long key(JsonNode filter, String field) {
    return Json.parseKeyOrNull(string(filter, field), field);
  }

  static Boolean bool(JsonNode filter, String field) {
    JsonNode value = value(filter, field);
    if (value == null) {
      return null;
    }
    if (value.getNodeType() == JsonNodeType.BOOLEAN) {
      return value.booleanValue();
    }
    String text = value.asText();
    if (text.equals("true") || text.equals("false")) {
      return Boolean.valueOf(text);
    }
    throw RestRequest.badRequest("Expected filter '" + field + "' to be true or false");
  }

  private static JsonNode value(JsonNode filter, String field) {
    JsonNode node = filter.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      return node;
    }
    // The Java client sends every operator of an advanced filter, the unused ones empty.
    JsonNode eq = null;
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> operator = it.next();
      if (operator.getKey().equals(EQ)) {
        eq = operator.getValue();
      } else if (!isEmpty(operator.getValue())) {
        throw RestRequest.badRequest(
            "Filter '" + field + "' supports a plain value or {\"$eq\": value} only, but got "
                + node);
      }
    }
    return eq == null || eq.isNull() ? null : eq;
  }

  /** Where a requested page starts and how long it is. */
  record Window(int from, int limit) {}

  /**
   * The window the query's {@code page} asks for: {@code from}/{@code limit}, or a cursor this API
   * handed out ({@code after} an end cursor, {@code before} a start cursor).
   */
  static Window window(JsonNode query, int maxLimit) {
    JsonNode page = query.path("page");
    int limit = page.path("limit").isNumber() ? page.path("limit").asInt() : DEFAULT_LIMIT;
    if (limit < 0 || limit > maxLimit) {
      throw RestRequest.badRequest("Expected 'page.limit' between 0 and " + maxLimit + ", but got " + limit);
    }
    int from;
    if (page.hasNonNull("after")) {
      from = cursor(page.get("after").asText());
    } else if (page.hasNonNull("before")) {
      from = Math.max(0, cursor(page.get("before").asText()) - limit);
    } else {
      from = Math.max(0, page.path("from").asInt(0));
    }
    return new Window(from, limit);
  }

  /** One page of {@code all} as requested by the query's {@code page}. */
  static <T> Page<T> page(JsonNode query, List<T> all) {
    Window window = window(query, Integer.MAX_VALUE);
    int from = window.from();
    int limit = window.limit();
    int start = Math.min(from, all.size());
    int end = (int) Math.min((long) start + limit, all.size());
    SearchQueryPageResponse response = new SearchQueryPageResponse();
    response.setTotalItems((long) all.size());
    response.setHasMoreTotalItems(false);
    if (end > start) {
      response.setStartCursor(Integer.toString(start));
      response.setEndCursor(Integer.toString(end));
    }
    return new Page<>(all.subList(start, end), response);
  }

  private static int cursor(String text) {
    try {
      return Math.max(0, Integer.parseInt(text));
    } catch (NumberFormatException e) {
      throw RestRequest.badRequest("Unknown page cursor '" + ProblemDetails.echo(text) + "'");
    }
  }

  /** A slice of search results and its page metadata. */
  record Page<T>(List<T> items, SearchQueryPageResponse page) {}
}
