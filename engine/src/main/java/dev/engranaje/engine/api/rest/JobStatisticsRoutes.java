package dev.engranaje.engine.api.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.engranaje.engine.history.HistoryEntity;
import dev.engranaje.engine.history.HistoryQuery;
import dev.engranaje.engine.history.HistoryStatistics;
import io.camunda.client.protocol.rest.GlobalJobStatisticsQueryResult;
import io.camunda.client.protocol.rest.JobErrorStatisticsItem;
import io.camunda.client.protocol.rest.JobTimeSeriesStatisticsItem;
import io.camunda.client.protocol.rest.JobTypeStatisticsItem;
import io.camunda.client.protocol.rest.JobWorkerStatisticsItem;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;

/**
 * Job statistics over a time window ({@code from}, {@code to}): created, completed and failed job
 * events overall, per job type, per worker, per time bucket, and failures per error.
 */
final class JobStatisticsRoutes {
  private final HistoryStatistics statistics;

  JobStatisticsRoutes(HistoryStatistics statistics) {
    this.statistics = statistics;
  }

  void register(Router router) {
    router.add("GET", "/v2/jobs/statistics/global", request -> {
      ObjectNode filter = Json.MAPPER.createObjectNode();
      request.query().forEach(filter::put);
      return window(filter).thenApply(rows -> {
        Map<String, Object> row = rows.isEmpty() ? new LinkedHashMap<>() : new LinkedHashMap<>(rows.get(0));
        row.remove("group");
        row.remove("workers");
        row.put("isIncomplete", false);
        return RestResponse.ok(HistoryRoutes.bind(row, GlobalJobStatisticsQueryResult.class));
      });
    });
    router.add("POST", "/v2/jobs/statistics/by-types", request -> items(request, "type",
        row -> rename(row, "jobType"), JobTypeStatisticsItem.class));
    router.add("POST", "/v2/jobs/statistics/by-workers", request -> items(request, "worker", row -> {
      row.remove("workers");
      return rename(row, "worker");
    }, JobWorkerStatisticsItem.class));
    router.add("POST", "/v2/jobs/statistics/time-series", request -> items(request, "time", row -> {
      row.remove("workers");
      return rename(row, "time");
    }, JobTimeSeriesStatisticsItem.class));
    router.add("POST", "/v2/jobs/statistics/errors", request -> {
      JsonNode body = Json.readTree(request.body());
      JsonNode filter = body.path("filter");
      return paged(body, statistics.jobErrors(time(filter, "from"), time(filter, "to"), events(filter)),
          JobErrorStatisticsItem.class);
    });
  }

  private CompletableFuture<List<Map<String, Object>>> window(JsonNode filter) {
    return statistics.jobEvents(time(filter, "from"), time(filter, "to"), events(filter), null, 0);
  }

  private CompletionStage<RestResponse> items(RestRequest request, String groupBy,
      UnaryOperator<Map<String, Object>> shape, Class<?> itemClass) {
    JsonNode body = Json.readTree(request.body());
    JsonNode filter = body.path("filter");
    long bucket = groupBy.equals("time") ? resolution(filter) : 0;
    return paged(body, statistics.jobEvents(time(filter, "from"), time(filter, "to"), events(filter), groupBy, bucket)
        .thenApply(rows -> rows.stream().map(row -> shape.apply(new LinkedHashMap<>(row))).toList()), itemClass);
  }

  private static CompletionStage<RestResponse> paged(JsonNode body, CompletableFuture<List<Map<String, Object>>> rows,
      Class<?> itemClass) {
    SearchQueries.Window window = SearchQueries.window(body, HistoryRequests.MAX_LIMIT);
    return rows.thenApply(all -> StatisticsRoutes.page(all, window, itemClass));
  }

  private static Map<String, Object> rename(Map<String, Object> row, String name) {
    row.put(name, row.remove("group"));
    return row;
  }

  /** The job type, worker and error conditions of the filter (the time window is read apart). */
  private static HistoryQuery events(JsonNode filter) {
    ObjectNode conditions = Json.MAPPER.createObjectNode();
    for (String field : List.of("jobType", "errorCode", "errorMessage")) {
      if (filter.hasNonNull(field) && !(filter.get(field).isTextual() && filter.get(field).asText().isEmpty())) {
        conditions.set(field, filter.get(field));
      }
    }
    ObjectNode query = Json.MAPPER.createObjectNode();
    query.set("filter", conditions);
    return HistoryRequests.query(query, HistoryEntity.JOB_EVENT, "job statistics", List.of());
  }

  private static long time(JsonNode filter, String field) {
    String text = filter.path(field).asText("");
    if (text.isEmpty()) {
      throw RestRequest.badRequest("Expected '" + field + "' (an ISO-8601 date-time) for job statistics");
    }
    try {
      return OffsetDateTime.parse(text).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      throw RestRequest.badRequest("Expected '" + field + "' to be an ISO-8601 date-time, but got '"
          + ProblemDetails.echo(text) + "'");
    }
  }

  private static long resolution(JsonNode filter) {
    String text = filter.path("resolution").asText("");
    if (text.isEmpty()) {
      return Duration.ofMinutes(1).toMillis();
    }
    try {
      long millis = Duration.parse(text).toMillis();
      if (millis <= 0) {
        throw RestRequest.badRequest("Expected a positive 'resolution', but got '" + ProblemDetails.echo(text) + "'");
      }
      return millis;
    } catch (DateTimeParseException e) {
      throw RestRequest.badRequest("Expected 'resolution' to be an ISO-8601 duration, but got '"
          + ProblemDetails.echo(text) + "'");
    }
  }
}
