package dev.engranaje.engine.api.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.engranaje.engine.gateway.BatchOperationRequest;
import dev.engranaje.engine.gateway.EngineGateway;
import dev.engranaje.engine.history.HistoryEntity;
import dev.engranaje.engine.history.HistoryQuery;
import dev.engranaje.engine.history.HistoryQuery.Condition;
import dev.engranaje.engine.history.HistoryQuery.Operator;
import dev.engranaje.engine.history.HistorySearch;
import io.camunda.client.protocol.rest.BatchOperationCreatedResult;
import io.camunda.client.protocol.rest.BatchOperationItemResponse;
import io.camunda.client.protocol.rest.BatchOperationResponse;
import io.camunda.client.protocol.rest.BatchOperationTypeEnum;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Batch operations: {@code POST /v2/process-instances/incident-resolution} and {@code
 * .../cancellation} start one over the process instances a filter matches (the filter is read as
 * the instance search reads it, against the history); {@code /v2/batch-operations/{key}} with
 * {@code /suspension}, {@code /resumption} and {@code /cancellation} steer it; the gets and searches
 * of batches and their items read the history.
 */
final class BatchOperationRoutes {
  private static final int PAGE = HistoryRequests.MAX_LIMIT;

  private final EngineGateway gateway;
  private final HistorySearch history;
  private final OperatorAudit audit;

  BatchOperationRoutes(EngineGateway gateway, HistorySearch history) {
    this.gateway = gateway;
    this.history = history;
    this.audit = new OperatorAudit(gateway);
  }

  void register(Router router) {
    router.add("POST", "/v2/process-instances/incident-resolution",
        request -> create(request, BatchOperationRequest.RESOLVE_INCIDENT));
    router.add("POST", "/v2/process-instances/cancellation",
        request -> create(request, BatchOperationRequest.CANCEL_PROCESS_INSTANCE));
    router.add("GET", "/v2/batch-operations/{key}", this::get);
    router.add("POST", "/v2/batch-operations/search", request -> search(request, HistoryEntity.BATCH_OPERATION,
        "batch operations", BatchOperationResponse.class, this::batchFieldNames));
    router.add("POST", "/v2/batch-operation-items/search", request -> search(request,
        HistoryEntity.BATCH_OPERATION_ITEM, "batch operation items", BatchOperationItemResponse.class,
        Function.identity()));
    router.add("POST", "/v2/batch-operations/{key}/suspension", request -> steer(request, "SUSPEND",
        gateway::suspendBatchOperation, "batch operation suspended"));
    router.add("POST", "/v2/batch-operations/{key}/resumption", request -> steer(request, "RESUME",
        gateway::resumeBatchOperation, "batch operation resumed"));
    router.add("POST", "/v2/batch-operations/{key}/cancellation", request -> steer(request, "CANCEL",
        gateway::cancelBatchOperation, "batch operation canceled"));
  }

  private CompletionStage<RestResponse> create(RestRequest request, String type) {
    JsonNode body = Json.readTree(request.body());
    JsonNode filter = body.path("filter");
    if (!filter.isObject()) {
      throw RestRequest.badRequest("Expected a 'filter' object naming the process instances of the batch operation");
    }
    ObjectNode query = Json.MAPPER.createObjectNode();
    query.set("filter", filter);
    query.putObject("page").put("limit", PAGE);
    HistoryQuery first = HistoryRequests.query(query, HistoryEntity.PROCESS_INSTANCE, "process instances",
        List.of(new Condition(HistoryEntity.PROCESS_INSTANCE.field("state").orElseThrow(), Operator.EQ,
            List.of("ACTIVE"))));
    CompletableFuture<Long> created = matchingInstances(first, new ArrayList<>()).thenCompose(keys ->
        gateway.createBatchOperation(new BatchOperationRequest(type, OperatorAudit.actor(request), keys)));
    return audit.record(request, "CREATE", "BATCH", -1, created,
        key -> new OperatorAudit.Described(key, type + " batch operation created")).thenApply(key -> {
          BatchOperationCreatedResult result = new BatchOperationCreatedResult();
          result.setBatchOperationKey(Long.toString(key));
          result.setBatchOperationType(BatchOperationTypeEnum.fromValue(type));
          return RestResponse.ok(result);
        });
  }

  /** Every active instance the query matches, page by page. */
  private CompletableFuture<List<Long>> matchingInstances(HistoryQuery query, List<Long> found) {
    return history.search(HistoryEntity.PROCESS_INSTANCE, query).thenCompose(page -> {
      page.items().forEach(row -> found.add(Long.parseLong((String) row.get("processInstanceKey"))));
      if (page.items().size() < query.limit()) {
        return CompletableFuture.completedFuture(found);
      }
      return matchingInstances(new HistoryQuery(query.conditions(), query.variables(), query.sort(),
          query.from() + query.limit(), query.limit()), found);
    });
  }

  private CompletionStage<RestResponse> get(RestRequest request) {
    long key = request.key("key");
    return history.get(HistoryEntity.BATCH_OPERATION, key).thenApply(found -> RestResponse.ok(HistoryRoutes.bind(
        found.orElseThrow(() -> HistoryRoutes.notFound("Batch operation", key)), BatchOperationResponse.class)));
  }

  private CompletionStage<RestResponse> search(RestRequest request, HistoryEntity entity, String what,
      Class<?> itemClass, Function<JsonNode, JsonNode> rename) {
    JsonNode body = rename.apply(Json.readTree(request.body()));
    HistoryQuery query = HistoryRequests.query(body, entity, what, List.of());
    return history.search(entity, query).thenApply(page -> {
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("items", page.items().stream().map(row -> HistoryRoutes.bind(row, itemClass)).toList());
      result.put("page", HistoryRequests.page(page));
      return RestResponse.ok(result);
    });
  }

  /** The batch search filters and sorts by {@code operationType}, which its results call batchOperationType. */
  private JsonNode batchFieldNames(JsonNode body) {
    if (body.path("filter").isObject() && body.path("filter").has("operationType")) {
      ObjectNode filter = (ObjectNode) body.path("filter");
      filter.set("batchOperationType", filter.remove("operationType"));
    }
    for (JsonNode sort : body.path("sort")) {
      if (sort.isObject() && "operationType".equals(sort.path("field").asText())) {
        ((ObjectNode) sort).put("field", "batchOperationType");
      }
    }
    return body;
  }

  /** One way of steering a batch: suspend, resume or cancel it. */
  @FunctionalInterface
  private interface Steering {
    CompletableFuture<Void> apply(long batchOperationKey);
  }

  private CompletionStage<RestResponse> steer(RestRequest request, String operation, Steering steering,
      String success) {
    long key = request.key("key");
    return audit.record(request, operation, "BATCH", key, steering.apply(key), success)
        .thenApply(ignored -> RestResponse.noContent());
  }
}
