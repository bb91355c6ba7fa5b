package dev.engranaje.engine.api.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.engranaje.engine.history.HistoryEntity;
import dev.engranaje.engine.history.HistoryQuery;
import dev.engranaje.engine.history.HistorySearch;
import io.camunda.client.protocol.rest.AuditLogResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The operations audit log, from the history: {@code POST /v2/audit-logs/search} (filters, sort
 * and paging as the client sends them) and {@code GET /v2/audit-logs/{key}}.
 */
final class AuditLogRoutes {
  private final HistorySearch history;

  AuditLogRoutes(HistorySearch history) {
    this.history = history;
  }

  void register(Router router) {
    router.add("POST", "/v2/audit-logs/search", request -> {
      JsonNode body = Json.readTree(request.body());
      HistoryQuery query = HistoryRequests.query(body, HistoryEntity.AUDIT_LOG, "audit log entries", List.of());
      return history.search(HistoryEntity.AUDIT_LOG, query).thenApply(page -> {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("items", page.items().stream().map(row -> HistoryRoutes.bind(row, AuditLogResult.class)).toList());
        result.put("page", HistoryRequests.page(page));
        return RestResponse.ok(result);
      });
    });
    router.add("GET", "/v2/audit-logs/{key}", request -> {
      long key = request.key("key");
      return history.get(HistoryEntity.AUDIT_LOG, key).thenApply(found -> RestResponse.ok(HistoryRoutes.bind(
          found.orElseThrow(() -> HistoryRoutes.notFound("Audit log entry", key)), AuditLogResult.class)));
    });
  }
}
