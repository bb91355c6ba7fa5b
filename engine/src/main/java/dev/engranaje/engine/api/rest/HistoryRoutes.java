package dev.engranaje.engine.api.rest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.engranaje.engine.gateway.Rejection;
import dev.engranaje.engine.gateway.RejectionType;
import dev.engranaje.engine.history.HistoryEntity;
import dev.engranaje.engine.history.HistoryQuery.Condition;
import dev.engranaje.engine.history.HistoryQuery.Operator;
import dev.engranaje.engine.history.HistorySearch;
import dev.engranaje.engine.history.HistoryStatistics;
import io.camunda.client.protocol.rest.CorrelatedMessageSubscriptionResult;
import io.camunda.client.protocol.rest.DecisionDefinitionResult;
import io.camunda.client.protocol.rest.DecisionInstanceGetQueryResult;
import io.camunda.client.protocol.rest.DecisionInstanceResult;
import io.camunda.client.protocol.rest.DecisionRequirementsResult;
import io.camunda.client.protocol.rest.ElementInstanceResult;
import io.camunda.client.protocol.rest.IncidentResult;
import io.camunda.client.protocol.rest.JobSearchResult;
import io.camunda.client.protocol.rest.MessageSubscriptionResult;
import io.camunda.client.protocol.rest.ProcessDefinitionResult;
import io.camunda.client.protocol.rest.ProcessInstanceCallHierarchyEntry;
import io.camunda.client.protocol.rest.ProcessInstanceResult;
import io.camunda.client.protocol.rest.ProcessInstanceSequenceFlowResult;
import io.camunda.client.protocol.rest.ResourceResult;
import io.camunda.client.protocol.rest.VariableResult;
import io.camunda.client.protocol.rest.VariableSearchResult;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The searches, gets and statistics served from the history store ({@link HistorySearch}):
 * finished instances included, with the client's filters, sort and paging. Result rows carry the
 * REST field names; they are bound to the client's generated result classes, strictly, so a field
 * the client does not know fails here rather than on the client.
 */
final class HistoryRoutes {
  private static final ObjectMapper STRICT = Json.MAPPER.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private static final String XML = "text/xml";
  // a deployed resource by key: a process definition, a decision requirements graph or a form
  private static final String RESOURCES = "SELECT resource_key, resource_id, resource_name, version, version_tag,"
      + " tenant_id, content FROM (SELECT process_definition_key AS resource_key, process_definition_id AS resource_id,"
      + " resource_name, version, version_tag, tenant_id, resource AS content FROM h_process_definition"
      + " UNION ALL SELECT decision_requirements_key, decision_requirements_id, resource_name, version, NULL, tenant_id,"
      + " resource FROM h_decision_requirements UNION ALL SELECT form_key, form_id, form_id || '.form', version,"
      + " version_tag, tenant_id, resource FROM h_form) WHERE resource_key = ?";

  private final HistorySearch history;
  private final HistoryStatistics statistics;

  HistoryRoutes(HistorySearch history) {
    this.history = history;
    this.statistics = new HistoryStatistics(history);
  }

  void register(Router router) {
    search(router, "/v2/process-definitions/search", HistoryEntity.PROCESS_DEFINITION, "process definitions",
        ProcessDefinitionResult.class, request -> List.of());
    get(router, "/v2/process-definitions/{key}", HistoryEntity.PROCESS_DEFINITION, "Process definition",
        ProcessDefinitionResult.class);
    router.add("GET", "/v2/process-definitions/{key}/xml", request -> xml(request.key("key"),
        "SELECT resource FROM h_process_definition WHERE process_definition_key = ?", "Process definition"));

    search(router, "/v2/process-instances/search", HistoryEntity.PROCESS_INSTANCE, "process instances",
        ProcessInstanceResult.class, request -> List.of());
    get(router, "/v2/process-instances/{key}", HistoryEntity.PROCESS_INSTANCE, "Process instance",
        ProcessInstanceResult.class);
    router.add("GET", "/v2/process-instances/{key}/call-hierarchy", this::callHierarchy);
    router.add("GET", "/v2/process-instances/{key}/sequence-flows", this::sequenceFlows);
    search(router, "/v2/process-instances/{key}/incidents/search", HistoryEntity.INCIDENT, "incidents",
        IncidentResult.class, request -> List.of(equal(HistoryEntity.INCIDENT, "processInstanceKey",
            request.key("key"))));

    search(router, "/v2/element-instances/search", HistoryEntity.ELEMENT_INSTANCE, "element instances",
        ElementInstanceResult.class, request -> List.of());
    get(router, "/v2/element-instances/{key}", HistoryEntity.ELEMENT_INSTANCE, "Element instance",
        ElementInstanceResult.class);
    search(router, "/v2/element-instances/{key}/incidents/search", HistoryEntity.INCIDENT, "incidents",
        IncidentResult.class, request -> List.of(equal(HistoryEntity.INCIDENT, "elementInstanceKey",
            request.key("key"))));

    search(router, "/v2/incidents/search", HistoryEntity.INCIDENT, "incidents", IncidentResult.class,
        request -> List.of());
    get(router, "/v2/incidents/{key}", HistoryEntity.INCIDENT, "Incident", IncidentResult.class);

    search(router, "/v2/variables/search", HistoryEntity.VARIABLE, "variables", VariableSearchResult.class,
        request -> List.of());
    router.add("GET", "/v2/variables/{key}", request -> {
      long key = request.key("key");
      return history.get(HistoryEntity.VARIABLE, key).thenApply(found -> {
        Map<String, Object> row = new LinkedHashMap<>(found.orElseThrow(() -> notFound("Variable", key)));
        row.remove("isTruncated"); // a get returns the whole value, never truncated
        return RestResponse.ok(bind(row, VariableResult.class));
      });
    });

    search(router, "/v2/jobs/search", HistoryEntity.JOB, "jobs", JobSearchResult.class, request -> List.of());

    search(router, "/v2/decision-definitions/search", HistoryEntity.DECISION_DEFINITION, "decision definitions",
        DecisionDefinitionResult.class, request -> List.of());
    get(router, "/v2/decision-definitions/{key}", HistoryEntity.DECISION_DEFINITION, "Decision definition",
        DecisionDefinitionResult.class);
    router.add("GET", "/v2/decision-definitions/{key}/xml", request -> xml(request.key("key"),
        "SELECT r.resource FROM h_decision_definition d JOIN h_decision_requirements r"
            + " ON r.decision_requirements_key = d.decision_requirements_key WHERE d.decision_definition_key = ?",
        "Decision definition"));
    search(router, "/v2/decision-requirements/search", HistoryEntity.DECISION_REQUIREMENTS,
        "decision requirements", DecisionRequirementsResult.class, request -> List.of());
    get(router, "/v2/decision-requirements/{key}", HistoryEntity.DECISION_REQUIREMENTS, "Decision requirements",
        DecisionRequirementsResult.class);
    router.add("GET", "/v2/decision-requirements/{key}/xml", request -> xml(request.key("key"),
        "SELECT resource FROM h_decision_requirements WHERE decision_requirements_key = ?",
        "Decision requirements"));
    search(router, "/v2/decision-instances/search", HistoryEntity.DECISION_INSTANCE, "decision instances",
        DecisionInstanceResult.class, request -> List.of());
    router.add("GET", "/v2/decision-instances/{key}", this::decisionInstance);

    search(router, "/v2/message-subscriptions/search", HistoryEntity.MESSAGE_SUBSCRIPTION, "message subscriptions",
        MessageSubscriptionResult.class, request -> List.of());

    search(router, "/v2/correlated-message-subscriptions/search", HistoryEntity.CORRELATED_MESSAGE_SUBSCRIPTION,
        "correlated message subscriptions", CorrelatedMessageSubscriptionResult.class, request -> List.of());
    search(router, "/v2/user-tasks/{key}/variables/search", HistoryEntity.VARIABLE, "user task variables",
        VariableSearchResult.class, request -> List.of(equal(HistoryEntity.VARIABLE, "userTaskKey",
            request.key("key"))));
    router.add("GET", "/v2/resources/{key}", this::resource);
    router.add("GET", "/v2/resources/{key}/content", request -> xml(request.key("key"), RESOURCES
        .replace("SELECT resource_key, resource_id, resource_name, version, version_tag, tenant_id, content",
            "SELECT content"), "Resource"));

    new StatisticsRoutes(statistics).register(router);
    new JobStatisticsRoutes(statistics).register(router);
  }

  private void search(Router router, String path, HistoryEntity entity, String what, Class<?> itemClass,
      Function<RestRequest, List<Condition>> fixed) {
    router.add("POST", path, request -> {
      JsonNode body = Json.readTree(request.body());
      var query = HistoryRequests.query(body, entity, what, fixed.apply(request));
      return history.search(entity, query).thenApply(page -> {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("items", page.items().stream().map(row -> bind(row, itemClass)).toList());
        result.put("page", HistoryRequests.page(page));
        return RestResponse.ok(result);
      });
    });
  }

  private void get(Router router, String path, HistoryEntity entity, String what, Class<?> itemClass) {
    router.add("GET", path, request -> {
      long key = request.key("key");
      return history.get(entity, key).thenApply(found -> RestResponse.ok(bind(found.orElseThrow(
          () -> notFound(what, key)), itemClass)));
    });
  }

  private CompletionStage<RestResponse> xml(long key, String sql, String what) {
    return history.read(connection -> {
      try (var statement = connection.prepareStatement(sql)) {
        statement.setLong(1, key);
        try (var rs = statement.executeQuery()) {
          return rs.next() ? rs.getString(1) : null;
        }
      }
    }).thenApply(xml -> {
      if (xml == null) {
        throw notFound(what, key);
      }
      return new RestResponse(200, xml.getBytes(StandardCharsets.UTF_8), XML);
    });
  }

  private CompletionStage<RestResponse> resource(RestRequest request) {
    long key = request.key("key");
    return history.read(connection -> {
      try (var statement = connection.prepareStatement(RESOURCES)) {
        statement.setLong(1, key);
        try (var rs = statement.executeQuery()) {
          if (!rs.next()) {
            return null;
          }
          ResourceResult result = new ResourceResult();
          result.setResourceKey(Long.toString(rs.getLong(1)));
          result.setResourceId(rs.getString(2));
          result.setResourceName(rs.getString(3));
          result.setVersion(rs.getInt(4));
          result.setVersionTag(rs.getString(5));
          result.setTenantId(rs.getString(6));
          return result;
        }
      }
    }).thenApply(found -> {
      if (found == null) {
        throw notFound("Resource", key);
      }
      return RestResponse.ok(found);
    });
  }

  private CompletionStage<RestResponse> callHierarchy(RestRequest request) {
    long key = request.key("key");
    return statistics.callHierarchy(key).thenApply(entries -> {
      if (entries.isEmpty()) {
        throw notFound("Process instance", key);
      }
      return RestResponse.ok(entries.stream().map(row -> bind(row, ProcessInstanceCallHierarchyEntry.class)).toList());
    });
  }

  private CompletionStage<RestResponse> sequenceFlows(RestRequest request) {
    long key = request.key("key");
    return statistics.sequenceFlows(key).thenApply(flows -> RestResponse.ok(Map.of("items",
        flows.stream().map(row -> bind(row, ProcessInstanceSequenceFlowResult.class)).toList())));
  }

  private CompletionStage<RestResponse> decisionInstance(RestRequest request) {
    String key = request.pathParams().get("key");
    return statistics.decisionInstance(key).thenApply(found -> RestResponse.ok(bind(found.orElseThrow(
        () -> new Rejection(RejectionType.NOT_FOUND, "Decision instance with key " + ProblemDetails.echo(key)
            + " not found")), DecisionInstanceGetQueryResult.class)));
  }

  private static Condition equal(HistoryEntity entity, String field, Object value) {
    return new Condition(entity.field(field).orElseThrow(), Operator.EQ, List.of(value));
  }

  static Rejection notFound(String what, long key) {
    return new Rejection(RejectionType.NOT_FOUND, what + " with key " + key + " not found");
  }

  static <T> T bind(Map<String, Object> row, Class<T> type) {
    return STRICT.convertValue(row, type);
  }
}
