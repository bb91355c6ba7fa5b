package dev.engranaje.engine.history;

import dev.engranaje.engine.history.HistoryQuery.Condition;
import dev.engranaje.engine.history.HistoryQuery.VariableCondition;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The history's aggregate views: element statistics (how many instances are active, have an
 * incident, completed or were canceled at each element), incident statistics by error and by
 * definition, instance counts per definition, a call hierarchy and the sequence flows taken.
 * Rows carry the REST field names.
 */
public final class HistoryStatistics {
  private static final String ELEMENT_COUNTS = "SELECT e.element_id,"
      + " SUM(e.state = 'ACTIVE' AND e.incident_key = -1), SUM(e.state = 'TERMINATED'),"
      + " SUM(e.state = 'ACTIVE' AND e.incident_key <> -1), SUM(e.state = 'COMPLETED')"
      + " FROM h_element_instance e JOIN h_process_instance t ON t.process_instance_key = e.process_instance_key";

  private final HistorySearch search;

  public HistorySearch search() {
    return search;
  }

  public HistoryStatistics(HistorySearch search) {
    this.search = search;
  }

  /**
   * Per element of a definition (or of one instance), over the instances matching the query's
   * process-instance conditions; multi-instance bodies are not counted, their inner instances are.
   */
  public CompletableFuture<List<Map<String, Object>>> elements(String scopeColumn, long key, HistoryQuery instances) {
    return search.read(connection -> {
      SqlConditions where = new SqlConditions().add("e." + scopeColumn + " = ?", key)
          .add("e.type NOT IN ('PROCESS', 'MULTI_INSTANCE_BODY')");
      instances.conditions().forEach(where::add);
      instances.variables().forEach(where::add);
      List<Map<String, Object>> items = new ArrayList<>();
      try (PreparedStatement statement = HistorySearch.prepare(connection,
          ELEMENT_COUNTS + where.where() + " GROUP BY e.element_id ORDER BY e.element_id", where.arguments());
          ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("elementId", rs.getString(1));
          row.put("active", rs.getLong(2));
          row.put("canceled", rs.getLong(3));
          row.put("incidents", rs.getLong(4));
          row.put("completed", rs.getLong(5));
          items.add(row);
        }
      }
      return items;
    });
  }

  /** Process instances with an active incident, per error message (hash as Camunda's errorHashCode). */
  public CompletableFuture<List<Map<String, Object>>> incidentsByError() {
    return search.read(connection -> rows(connection, "SELECT error_hash_code, error_message,"
        + " COUNT(DISTINCT process_instance_key) AS c FROM h_incident WHERE state = 'ACTIVE'"
        + " GROUP BY error_hash_code, error_message ORDER BY c DESC, error_message", List.of(),
        List.of("errorHashCode", "errorMessage", "activeInstancesWithErrorCount"),
        List.of(HistoryField.Type.INTEGER, HistoryField.Type.TEXT, HistoryField.Type.INTEGER)));
  }

  /** Process instances with an active incident of one error, per process definition. */
  public CompletableFuture<List<Map<String, Object>>> incidentsByDefinition(Long errorHashCode) {
    return search.read(connection -> rows(connection, "SELECT i.process_definition_id, i.process_definition_key,"
        + " COALESCE(d.name, i.process_definition_id), d.version, i.tenant_id, COUNT(DISTINCT i.process_instance_key) AS c"
        + " FROM h_incident i LEFT JOIN h_process_definition d ON d.process_definition_key = i.process_definition_key"
        + " WHERE i.state = 'ACTIVE'" + (errorHashCode == null ? "" : " AND i.error_hash_code = ?")
        + " GROUP BY i.process_definition_key ORDER BY c DESC, i.process_definition_key",
        errorHashCode == null ? List.of() : List.of(errorHashCode),
        List.of("processDefinitionId", "processDefinitionKey", "processDefinitionName", "processDefinitionVersion",
            "tenantId", "activeInstancesWithErrorCount"),
        List.of(HistoryField.Type.TEXT, HistoryField.Type.KEY, HistoryField.Type.TEXT, HistoryField.Type.INTEGER,
            HistoryField.Type.TEXT, HistoryField.Type.INTEGER)));
  }

  /** Active instances with and without incident per process id (over all versions). */
  public CompletableFuture<List<Map<String, Object>>> instancesByDefinition() {
    return search.read(connection -> rows(connection, "SELECT d.process_definition_id, d.tenant_id,"
        + " (SELECT COALESCE(l.name, l.process_definition_id) FROM h_process_definition l"
        + "  WHERE l.process_definition_id = d.process_definition_id AND l.tenant_id = d.tenant_id"
        + "  ORDER BY l.version DESC LIMIT 1),"
        + " COUNT(DISTINCT d.version) > 1,"
        + " (SELECT COUNT(*) FROM h_process_instance t WHERE t.process_definition_id = d.process_definition_id"
        + "  AND t.tenant_id = d.tenant_id AND t.state = 'ACTIVE' AND t.active_incidents = 0),"
        + " (SELECT COUNT(*) FROM h_process_instance t WHERE t.process_definition_id = d.process_definition_id"
        + "  AND t.tenant_id = d.tenant_id AND t.state = 'ACTIVE' AND t.active_incidents > 0)"
        + " FROM h_process_definition d GROUP BY d.process_definition_id, d.tenant_id ORDER BY d.process_definition_id",
        List.of(), List.of("processDefinitionId", "tenantId", "latestProcessDefinitionName", "hasMultipleVersions",
            "activeInstancesWithoutIncidentCount", "activeInstancesWithIncidentCount"),
        List.of(HistoryField.Type.TEXT, HistoryField.Type.TEXT, HistoryField.Type.TEXT, HistoryField.Type.BOOLEAN,
            HistoryField.Type.INTEGER, HistoryField.Type.INTEGER)));
  }

  /** Active instances with and without incident per version of one process id. */
  public CompletableFuture<List<Map<String, Object>>> instancesByVersion(String processDefinitionId) {
    return search.read(connection -> rows(connection, "SELECT d.process_definition_id, d.process_definition_key,"
        + " COALESCE(d.name, d.process_definition_id), d.tenant_id, d.version,"
        + " (SELECT COUNT(*) FROM h_process_instance t WHERE t.process_definition_key = d.process_definition_key"
        + "  AND t.state = 'ACTIVE' AND t.active_incidents > 0),"
        + " (SELECT COUNT(*) FROM h_process_instance t WHERE t.process_definition_key = d.process_definition_key"
        + "  AND t.state = 'ACTIVE' AND t.active_incidents = 0)"
        + " FROM h_process_definition d WHERE d.process_definition_id = ? ORDER BY d.version DESC",
        List.of(processDefinitionId), List.of("processDefinitionId", "processDefinitionKey", "processDefinitionName",
            "tenantId", "processDefinitionVersion", "activeInstancesWithIncidentCount",
            "activeInstancesWithoutIncidentCount"),
        List.of(HistoryField.Type.TEXT, HistoryField.Type.KEY, HistoryField.Type.TEXT, HistoryField.Type.TEXT,
            HistoryField.Type.INTEGER, HistoryField.Type.INTEGER, HistoryField.Type.INTEGER)));
  }

  /** Open message subscriptions per process definition. */
  public CompletableFuture<List<Map<String, Object>>> messageSubscriptionsByDefinition() {
    return search.read(connection -> rows(connection, "SELECT process_definition_id, tenant_id,"
        + " process_definition_key, COUNT(DISTINCT process_instance_key), COUNT(*) FROM h_message_subscription"
        + " WHERE message_subscription_state = 'CREATED' GROUP BY process_definition_key ORDER BY process_definition_id",
        List.of(), List.of("processDefinitionId", "tenantId", "processDefinitionKey",
            "processInstancesWithActiveSubscriptions", "activeSubscriptions"),
        List.of(HistoryField.Type.TEXT, HistoryField.Type.TEXT, HistoryField.Type.KEY, HistoryField.Type.INTEGER,
            HistoryField.Type.INTEGER)));
  }

  /**
   * Job events between {@code from} and {@code to} (epoch millis, inclusive) matching the job-event
   * conditions, counted per group: {@code created}, {@code completed} and {@code failed}, each with
   * {@code count} and {@code lastUpdatedAt}, and {@code workers} (distinct workers). {@code groupBy}
   * is a column of {@code h_job_event} ({@code type}, {@code worker}), a bucket of {@code bucketMillis}
   * ("time"), or null for one row over everything.
   */
  public CompletableFuture<List<Map<String, Object>>> jobEvents(long from, long to, HistoryQuery events,
      String groupBy, long bucketMillis) {
    return search.read(connection -> {
      String group = groupBy == null ? "NULL" : groupBy.equals("time")
          ? "((t.time / " + bucketMillis + ") * " + bucketMillis + ")" : "t." + groupBy;
      SqlConditions where = new SqlConditions().add("t.time >= ?", from).add("t.time <= ?", to);
      events.conditions().forEach(where::add);
      String sql = "SELECT " + group + ", SUM(t.event = 'CREATED'), MAX(CASE WHEN t.event = 'CREATED' THEN t.time END),"
          + " SUM(t.event = 'COMPLETED'), MAX(CASE WHEN t.event = 'COMPLETED' THEN t.time END),"
          + " SUM(t.event = 'FAILED'), MAX(CASE WHEN t.event = 'FAILED' THEN t.time END), COUNT(DISTINCT t.worker)"
          + " FROM h_job_event t" + where.where() + (groupBy == null ? "" : " GROUP BY 1 ORDER BY 1");
      List<Map<String, Object>> rows = new ArrayList<>();
      try (PreparedStatement statement = HistorySearch.prepare(connection, sql, where.arguments());
          ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("group", groupBy != null && groupBy.equals("time") ? HistorySearch.dateTime(rs.getLong(1))
              : rs.getString(1));
          row.put("created", metric(rs, 2));
          row.put("completed", metric(rs, 4));
          row.put("failed", metric(rs, 6));
          row.put("workers", rs.getLong(8));
          rows.add(row);
        }
      }
      return rows;
    });
  }

  /** Failed job events between {@code from} and {@code to} per error code and message, with distinct workers. */
  public CompletableFuture<List<Map<String, Object>>> jobErrors(long from, long to, HistoryQuery events) {
    return search.read(connection -> {
      SqlConditions where = new SqlConditions().add("t.event = 'FAILED'").add("t.time >= ?", from)
          .add("t.time <= ?", to);
      events.conditions().forEach(where::add);
      return rows(connection, "SELECT COALESCE(t.error_code, ''), COALESCE(t.error_message, ''),"
          + " COUNT(DISTINCT t.worker) AS w FROM h_job_event t" + where.where()
          + " GROUP BY 1, 2 ORDER BY w DESC, 1, 2", where.arguments(), List.of("errorCode", "errorMessage", "workers"),
          List.of(HistoryField.Type.TEXT, HistoryField.Type.TEXT, HistoryField.Type.INTEGER));
    });
  }

  private static Map<String, Object> metric(ResultSet rs, int column) throws SQLException {
    Map<String, Object> metric = new LinkedHashMap<>();
    long count = rs.getLong(column);
    metric.put("count", count);
    long last = rs.getLong(column + 1);
    metric.put("lastUpdatedAt", rs.wasNull() ? null : HistorySearch.dateTime(last));
    return metric;
  }

  /** The instance and its callers, from the root down to it; empty when the instance is unknown. */
  public CompletableFuture<List<Map<String, Object>>> callHierarchy(long processInstanceKey) {
    return search.read(connection -> {
      List<Map<String, Object>> chain = new ArrayList<>();
      long key = processInstanceKey;
      while (key > 0 && chain.size() < 1_000) {
        List<Map<String, Object>> found = rows(connection, "SELECT t.process_instance_key, t.process_definition_key,"
            + " COALESCE(d.name, t.process_definition_id), t.parent_process_instance_key FROM h_process_instance t"
            + " LEFT JOIN h_process_definition d ON d.process_definition_key = t.process_definition_key"
            + " WHERE t.process_instance_key = ?", List.of(key),
            List.of("processInstanceKey", "processDefinitionKey", "processDefinitionName", "parent"),
            List.of(HistoryField.Type.KEY, HistoryField.Type.KEY, HistoryField.Type.TEXT, HistoryField.Type.KEY));
        if (found.isEmpty()) {
          break;
        }
        Map<String, Object> entry = found.get(0);
        Object parent = entry.remove("parent");
        chain.add(entry);
        key = parent == null ? -1 : Long.parseLong((String) parent);
      }
      Collections.reverse(chain);
      return chain;
    });
  }

  /** The sequence flows an instance took, each once. */
  public CompletableFuture<List<Map<String, Object>>> sequenceFlows(long processInstanceKey) {
    return search.read(connection -> {
      List<Map<String, Object>> flows = rows(connection, "SELECT process_instance_key || '_' || element_id,"
          + " process_instance_key, root_process_instance_key, process_definition_key, process_definition_id,"
          + " element_id, tenant_id FROM h_sequence_flow WHERE process_instance_key = ? ORDER BY element_id",
          List.of(processInstanceKey), List.of("sequenceFlowId", "processInstanceKey", "rootProcessInstanceKey",
              "processDefinitionKey", "processDefinitionId", "elementId", "tenantId"),
          List.of(HistoryField.Type.TEXT, HistoryField.Type.KEY, HistoryField.Type.KEY, HistoryField.Type.KEY,
              HistoryField.Type.TEXT, HistoryField.Type.TEXT, HistoryField.Type.TEXT));
      return flows;
    });
  }

  /** One decision instance with its evaluated inputs and matched rules. */
  public CompletableFuture<Optional<Map<String, Object>>> decisionInstance(String decisionEvaluationInstanceKey) {
    HistoryQuery query = new HistoryQuery(List.of(new Condition(HistoryEntity.DECISION_INSTANCE
        .field("decisionEvaluationInstanceKey").orElseThrow(), HistoryQuery.Operator.EQ,
        List.of(decisionEvaluationInstanceKey))), List.<VariableCondition>of(), List.of(), 0, 1);
    return search.search(HistoryEntity.DECISION_INSTANCE, query).thenCombine(search.read(connection -> rows(connection,
        "SELECT evaluated_inputs, matched_rules FROM h_decision_instance WHERE decision_evaluation_instance_key = ?",
        List.of(decisionEvaluationInstanceKey), List.of("evaluatedInputs", "matchedRules"),
        List.of(HistoryField.Type.JSON, HistoryField.Type.JSON))), (page, details) -> {
          if (page.items().isEmpty() || details.isEmpty()) {
            return Optional.empty();
          }
          Map<String, Object> row = new LinkedHashMap<>(page.items().get(0));
          row.putAll(details.get(0));
          return Optional.of(row);
        });
  }

  private static List<Map<String, Object>> rows(Connection connection, String sql, List<Object> arguments,
      List<String> names, List<HistoryField.Type> types) throws SQLException {
    List<Map<String, Object>> rows = new ArrayList<>();
    try (PreparedStatement statement = HistorySearch.prepare(connection, sql, arguments);
        ResultSet rs = statement.executeQuery()) {
      while (rs.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
          row.put(names.get(i), HistorySearch.value(rs, i + 1, types.get(i)));
        }
        rows.add(row);
      }
    }
    return rows;
  }
}
