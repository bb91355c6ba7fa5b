package dev.engranaje.engine.api.rest;

import dev.engranaje.engine.gateway.CreateProcessInstance;
import dev.engranaje.engine.gateway.CreatedProcessInstance;
import dev.engranaje.engine.gateway.EngineGateway;
import io.camunda.client.protocol.rest.CreateProcessInstanceResult;
import io.camunda.client.protocol.rest.ProcessInstanceCreationInstruction;
import io.camunda.client.protocol.rest.ProcessInstanceCreationStartInstruction;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Process instances: {@code POST /v2/process-instances} and {@code POST
 * /v2/process-instances/{key}/cancellation}.
 */
final class ProcessInstanceRoutes {

  /** How long an awaited creation waits when the request names no timeout (as Camunda's default). */
  static final long DEFAULT_REQUEST_TIMEOUT_MILLIS = 10_000;

  private final EngineGateway gateway;
  private final OperatorAudit audit;

  ProcessInstanceRoutes(EngineGateway gateway) {
    this.gateway = gateway;
    this.audit = new OperatorAudit(gateway);
  }

  void register(Router router) {
    router.add("POST", "/v2/process-instances", this::create);
    router.add("POST", "/v2/process-instances/{key}/cancellation", this::cancel);
  }

  private CompletionStage<RestResponse> create(RestRequest request) {
    ProcessInstanceCreationInstruction body = request.body(ProcessInstanceCreationInstruction.class);
    CreateProcessInstance command = toCommand(body);
    return gateway
        .createProcessInstance(command)
        .thenApply(created -> RestResponse.ok(toResponse(created, command.awaitCompletion())));
  }

  private static CreateProcessInstance toCommand(ProcessInstanceCreationInstruction body) {
    Long definitionKey =
        Json.parseKeyOrNull(body.getProcessDefinitionKey(), "processDefinitionKey");
    String definitionId = body.getProcessDefinitionId();
    if (definitionKey == null && (definitionId == null || definitionId.isEmpty())) {
      throw RestRequest.badRequest(
          "Expected either processDefinitionKey or processDefinitionId, but got neither");
    }
    if (definitionKey != null && definitionId != null) {
      throw RestRequest.badRequest(
          "Expected either processDefinitionKey or processDefinitionId, but got both");
    }
    if (body.getRuntimeInstructions() != null && !body.getRuntimeInstructions().isEmpty()) {
      throw RestRequest.badRequest("Runtime instructions are not supported");
    }
    if (body.getBusinessId() != null || (body.getTags() != null && !body.getTags().isEmpty())) {
      throw RestRequest.badRequest("Business ids and tags are not supported");
    }
    List<String> startElementIds = new ArrayList<>();
    if (body.getStartInstructions() != null) {
      for (ProcessInstanceCreationStartInstruction instruction : body.getStartInstructions()) {
        if (instruction == null || instruction.getElementId() == null) {
          throw RestRequest.badRequest("Every start instruction needs an elementId");
        }
        startElementIds.add(instruction.getElementId());
      }
    }
    boolean await = Boolean.TRUE.equals(body.getAwaitCompletion());
    return new CreateProcessInstance(
        definitionKey == null ? definitionId : null,
        definitionKey == null ? body.getProcessDefinitionVersion() : null,
        definitionKey,
        Json.variablesToJson(body.getVariables()),
        startElementIds,
        await,
        await ? requestTimeout(body.getRequestTimeout()) : 0,
        body.getFetchVariables() == null ? List.of() : body.getFetchVariables(),
        tenant(body.getTenantId()));
  }

  private static long requestTimeout(Long requested) {
    return requested == null || requested <= 0 ? DEFAULT_REQUEST_TIMEOUT_MILLIS : requested;
  }

  private static CreateProcessInstanceResult toResponse(
      CreatedProcessInstance created, boolean awaited) {
    CreateProcessInstanceResult result = new CreateProcessInstanceResult();
    result.setProcessDefinitionKey(Json.key(created.processDefinitionKey()));
    result.setProcessDefinitionId(created.bpmnProcessId());
    result.setProcessDefinitionVersion(created.version());
    result.setProcessInstanceKey(Json.key(created.processInstanceKey()));
    result.setTenantId(created.tenantId());
    result.setTags(new LinkedHashSet<>());
    if (awaited) {
      result.setVariables(Json.variablesFromJson(created.variablesJson()));
    }
    return result;
  }

  private CompletionStage<RestResponse> cancel(RestRequest request) {
    long key = request.key("key");
    return audit.record(request, "CANCEL", "PROCESS_INSTANCE", key, gateway.cancelProcessInstance(key),
        "process instance canceled").thenApply(ignored -> RestResponse.noContent());
  }

  static String tenant(String tenantId) {
    return tenantId == null || tenantId.isEmpty() ? DeploymentRoutes.DEFAULT_TENANT : tenantId;
  }
}
