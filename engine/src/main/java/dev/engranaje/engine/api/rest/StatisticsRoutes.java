package dev.engranaje.engine.api.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.engranaje.engine.history.HistoryEntity;
import dev.engranaje.engine.history.HistoryQuery;
import dev.engranaje.engine.history.HistoryStatistics;
import io.camunda.client.protocol.rest.IncidentProcessInstanceStatisticsByDefinitionResult;
import io.camunda.client.protocol.rest.IncidentProcessInstanceStatisticsByErrorResult;
import io.camunda.client.protocol.rest.ProcessDefinitionInstanceStatisticsResult;
import io.camunda.client.protocol.rest.ProcessDefinitionInstanceVersionStatisticsResult;
import io.camunda.client.protocol.rest.ProcessDefinitionMessageSubscriptionStatisticsResult;
import io.camunda.client.protocol.rest.ProcessElementStatisticsResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/** The statistics requests of the client, answered from the history. */
final class StatisticsRoutes {
  private final HistoryStatistics statistics;

  StatisticsRoutes(HistoryStatistics statistics) {
    this.statistics = statistics;
  }

  void register(Router router) {
    router.add("POST", "/v2/process-definitions/{key}/statistics/element-instances", request -> {
      HistoryQuery instances = HistoryRequests.query(Json.readTree(request.body()), HistoryEntity.PROCESS_INSTANCE,
          "process instances", List.of());
      return items(statistics.elements("process_definition_key", request.key("key"), instances),
          ProcessElementStatisticsResult.class);
    });
    router.add("GET", "/v2/process-instances/{key}/statistics/element-instances", request -> items(
        statistics.elements("process_instance_key", request.key("key"), HistoryQuery.all(0)),
        ProcessElementStatisticsResult.class));
    router.add("POST", "/v2/incidents/statistics/process-instances-by-error", request -> paged(request,
        body -> statistics.incidentsByError(), IncidentProcessInstanceStatisticsByErrorResult.class));
    router.add("POST", "/v2/incidents/statistics/process-instances-by-definition", request -> paged(request,
        body -> statistics.incidentsByDefinition(errorHashCode(body)),
        IncidentProcessInstanceStatisticsByDefinitionResult.class));
    router.add("POST", "/v2/process-definitions/statistics/process-instances", request -> paged(request,
        body -> statistics.instancesByDefinition(), ProcessDefinitionInstanceStatisticsResult.class));
    router.add("POST", "/v2/process-definitions/statistics/process-instances-by-version", request -> paged(request,
        body -> statistics.instancesByVersion(body.path("filter").path("processDefinitionId").asText("")),
        ProcessDefinitionInstanceVersionStatisticsResult.class));
    router.add("POST", "/v2/process-definitions/statistics/message-subscriptions", request -> paged(request,
        body -> statistics.messageSubscriptionsByDefinition(), ProcessDefinitionMessageSubscriptionStatisticsResult.class));
  }

  private static Long errorHashCode(JsonNode body) {
    JsonNode code = body.path("filter").path("errorHashCode");
    if (code.isMissingNode() || code.isNull()) {
      return null;
    }
    if (!code.canConvertToLong()) {
      throw RestRequest.badRequest("Expected filter 'errorHashCode' to be an integer");
    }
    return code.asLong();
  }

  private static CompletionStage<RestResponse> items(CompletableFuture<List<Map<String, Object>>> rows,
      Class<?> itemClass) {
    return rows.thenApply(items -> RestResponse.ok(Map.of("items",
        items.stream().map(row -> HistoryRoutes.bind(row, itemClass)).toList())));
  }

  /** All rows, paged in memory: statistics have one row per error, definition or version. */
  private static CompletionStage<RestResponse> paged(RestRequest request,
      Function<JsonNode, CompletableFuture<List<Map<String, Object>>>> rows, Class<?> itemClass) {
    JsonNode body = Json.readTree(request.body());
    HistoryQuery page = HistoryRequests.query(pageOnly(body), HistoryEntity.INCIDENT, "statistics", List.of());
    return rows.apply(body).thenApply(unsorted -> page(sorted(unsorted, body.path("sort")),
        new SearchQueries.Window(page.from(), page.limit()), itemClass));
  }

  /** One page of statistics rows, bound to the client's item class, with totals and cursors. */
  static RestResponse page(List<Map<String, Object>> all, SearchQueries.Window window, Class<?> itemClass) {
    int start = Math.min(window.from(), all.size());
    int end = (int) Math.min((long) start + window.limit(), all.size());
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("items", all.subList(start, end).stream().map(row -> HistoryRoutes.bind(row, itemClass)).toList());
    result.put("page", HistoryRequests.page(new dev.engranaje.engine.history.HistoryPage(
        all.subList(start, end), all.size(), start)));
    return RestResponse.ok(result);
  }

  /** The rows in the order the request's {@code sort} names; a field the rows lack is a 400. */
  private static List<Map<String, Object>> sorted(List<Map<String, Object>> rows, JsonNode sort) {
    if (!sort.isArray() || sort.isEmpty()) {
      return rows;
    }
    Comparator<Map<String, Object>> order = null;
    for (JsonNode item : sort) {
      String field = item.path("field").asText("");
      if (!rows.isEmpty() && !rows.get(0).containsKey(field)) {
        throw RestRequest.badRequest("Sorting these statistics by '" + ProblemDetails.echo(field)
            + "' is not supported; supported: " + String.join(", ", rows.get(0).keySet()));
      }
      Comparator<Map<String, Object>> byField = Comparator.comparing(row -> comparable(row.get(field)),
          Comparator.nullsFirst(Comparator.naturalOrder()));
      if (item.path("order").asText("ASC").equalsIgnoreCase("DESC")) {
        byField = byField.reversed();
      }
      order = order == null ? byField : order.thenComparing(byField);
    }
    List<Map<String, Object>> copy = new ArrayList<>(rows);
    copy.sort(order);
    return copy;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Comparable comparable(Object value) {
    if (value instanceof Number number) {
      return new java.math.BigDecimal(number.toString());
    }
    return value == null ? null : (Comparable) value.toString();
  }

  private static JsonNode pageOnly(JsonNode body) {
    var node = Json.MAPPER.createObjectNode();
    if (body.has("page")) {
      node.set("page", body.get("page"));
    }
    return node;
  }
}
