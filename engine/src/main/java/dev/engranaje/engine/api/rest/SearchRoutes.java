package dev.engranaje.engine.api.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.engranaje.engine.gateway.EngineGateway;
import dev.engranaje.engine.gateway.IncidentFilter;
import dev.engranaje.engine.gateway.ProcessInstanceFilter;
import dev.engranaje.engine.gateway.VariableView;
import io.camunda.client.protocol.rest.IncidentSearchQueryResult;
import io.camunda.client.protocol.rest.ProcessInstanceSearchQueryResult;
import io.camunda.client.protocol.rest.VariableSearchQueryResult;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * The reads a gateway answers from the engine state, for a server without a history store: {@code
 * POST /v2/incidents/search}, {@code /v2/process-instances/search} and {@code /v2/variables/search},
 * {@code GET /v2/incidents/{key}} and {@code /v2/process-instances/{key}}. Sorting is the engine's
 * order; unsupported filter fields are rejected. The engine itself serves reads from its history
 * ({@link HistoryRoutes}).
 */
final class SearchRoutes {

  private static final Set<String> INCIDENT_FIELDS =
      Set.of("incidentKey", "processInstanceKey", "state", "errorType", "processDefinitionId");
  private static final Set<String> PROCESS_INSTANCE_FIELDS =
      Set.of("processInstanceKey", "processDefinitionId", "state", "hasIncident");
  private static final Set<String> VARIABLE_FIELDS = Set.of("processInstanceKey", "scopeKey", "name");

  private final EngineGateway gateway;

  SearchRoutes(EngineGateway gateway) {
    this.gateway = gateway;
  }

  void register(Router router) {
    router.add("POST", "/v2/incidents/search", this::searchIncidents);
    router.add("POST", "/v2/process-instances/search", this::searchProcessInstances);
    router.add("POST", "/v2/variables/search", this::searchVariables);
    router.add("GET", "/v2/incidents/{key}", this::getIncident);
    router.add("GET", "/v2/process-instances/{key}", this::getProcessInstance);
  }

  private CompletionStage<RestResponse> getIncident(RestRequest request) {
    long key = request.key("key");
    return gateway.searchIncidents(new IncidentFilter(key, null, null, null, null)).thenApply(incidents ->
        RestResponse.ok(Views.incident(incidents.stream().filter(incident -> incident.key() == key).findFirst()
            .orElseThrow(() -> HistoryRoutes.notFound("Incident", key)))));
  }

  private CompletionStage<RestResponse> getProcessInstance(RestRequest request) {
    long key = request.key("key");
    return gateway.getProcessInstance(key).thenApply(found -> RestResponse.ok(Views.processInstance(
        found.orElseThrow(() -> HistoryRoutes.notFound("Process instance", key)))));
  }

  private CompletionStage<RestResponse> searchIncidents(RestRequest request) {
    JsonNode query = Json.readTree(request.body());
    JsonNode filter = SearchQueries.filter(query, INCIDENT_FIELDS);
    IncidentFilter incidentFilter =
        new IncidentFilter(
            SearchQueries.key(filter, "incidentKey"),
            SearchQueries.key(filter, "processInstanceKey"),
            SearchQueries.string(filter, "state"),
            SearchQueries.string(filter, "errorType"),
            SearchQueries.string(filter, "processDefinitionId"));
    return gateway
        .searchIncidents(incidentFilter)
        .thenApply(
            incidents -> {
              var page = SearchQueries.page(query, incidents);
              IncidentSearchQueryResult result = new IncidentSearchQueryResult();
              result.setItems(page.items().stream().map(Views::incident).toList());
              result.setPage(page.page());
              return RestResponse.ok(result);
            });
  }

  private CompletionStage<RestResponse> searchProcessInstances(RestRequest request) {
    JsonNode query = Json.readTree(request.body());
    JsonNode filter = SearchQueries.filter(query, PROCESS_INSTANCE_FIELDS);
    ProcessInstanceFilter instanceFilter =
        new ProcessInstanceFilter(
            SearchQueries.key(filter, "processInstanceKey"),
            SearchQueries.string(filter, "processDefinitionId"),
            SearchQueries.string(filter, "state"),
            SearchQueries.bool(filter, "hasIncident"));
    return gateway
        .searchProcessInstances(instanceFilter)
        .thenApply(
            instances -> {
              var page = SearchQueries.page(query, instances);
              ProcessInstanceSearchQueryResult result = new ProcessInstanceSearchQueryResult();
              result.setItems(page.items().stream().map(Views::processInstance).toList());
              result.setPage(page.page());
              return RestResponse.ok(result);
            });
  }

  private CompletionStage<RestResponse> searchVariables(RestRequest request) {
    JsonNode query = Json.readTree(request.body());
    JsonNode filter = SearchQueries.filter(query, VARIABLE_FIELDS);
    Long processInstanceKey = SearchQueries.key(filter, "processInstanceKey");
    Long scopeKey = SearchQueries.key(filter, "scopeKey");
    String name = SearchQueries.string(filter, "name");
    return gateway
        .searchVariables(processInstanceKey, scopeKey)
        .thenApply(
            variables -> {
              List<VariableView> matching =
                  name == null
                      ? variables
                      : variables.stream().filter(v -> name.equals(v.name())).toList();
              var page = SearchQueries.page(query, matching);
              VariableSearchQueryResult result = new VariableSearchQueryResult();
              result.setItems(page.items().stream().map(Views::variable).toList());
              result.setPage(page.page());
              return RestResponse.ok(result);
            });
  }
}
