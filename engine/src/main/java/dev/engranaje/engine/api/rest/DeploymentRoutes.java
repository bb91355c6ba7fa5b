package dev.engranaje.engine.api.rest;

import dev.engranaje.engine.gateway.DeployedDecision;
import dev.engranaje.engine.gateway.DeployedDecisionRequirements;
import dev.engranaje.engine.gateway.DeployedProcess;
import dev.engranaje.engine.gateway.DeploymentResource;
import dev.engranaje.engine.gateway.DeploymentResult;
import dev.engranaje.engine.gateway.EngineGateway;
import io.camunda.client.protocol.rest.DeploymentDecisionRequirementsResult;
import io.camunda.client.protocol.rest.DeploymentDecisionResult;
import io.camunda.client.protocol.rest.DeploymentMetadataResult;
import io.camunda.client.protocol.rest.DeploymentProcessResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * {@code POST /v2/deployments}: a multipart form of {@code resources} files (BPMN and DMN) and a
 * {@code tenantId}. The response lists processes, decision requirements and decisions.
 */
final class DeploymentRoutes {

  static final String DEFAULT_TENANT = "<default>";

  private final EngineGateway gateway;

  DeploymentRoutes(EngineGateway gateway) {
    this.gateway = gateway;
  }

  void register(Router router) {
    router.add("POST", "/v2/deployments", this::deploy);
  }

  private CompletionStage<RestResponse> deploy(RestRequest request) {
    List<DeploymentResource> resources = new ArrayList<>();
    String tenantId = DEFAULT_TENANT;
    for (MultipartParser.Part part : MultipartParser.parse(request.contentType(), request.body())) {
      switch (part.name()) {
        case "resources" -> {
          if (part.filename() == null || part.filename().isEmpty()) {
            throw RestRequest.badRequest("Every deployment resource needs a file name");
          }
          resources.add(new DeploymentResource(part.filename(), part.content()));
        }
        case "tenantId" -> {
          String text = part.text().trim();
          tenantId = text.isEmpty() ? DEFAULT_TENANT : text;
        }
        default -> throw RestRequest.badRequest("Unexpected form field '" + part.name() + "'");
      }
    }
    if (resources.isEmpty()) {
      throw RestRequest.badRequest("Expected at least one 'resources' file to deploy");
    }
    return gateway
        .deploy(resources, tenantId)
        .thenApply(result -> RestResponse.ok(toResponse(result)));
  }

  private static io.camunda.client.protocol.rest.DeploymentResult toResponse(
      DeploymentResult result) {
    io.camunda.client.protocol.rest.DeploymentResult response =
        new io.camunda.client.protocol.rest.DeploymentResult();
    response.setDeploymentKey(Json.key(result.deploymentKey()));
    response.setTenantId(result.tenantId());
    List<DeploymentMetadataResult> deployments = new ArrayList<>();
    for (DeployedProcess process : result.processes()) {
      DeploymentProcessResult processResult = new DeploymentProcessResult();
      processResult.setProcessDefinitionId(process.bpmnProcessId());
      processResult.setProcessDefinitionVersion(process.version());
      processResult.setProcessDefinitionKey(Json.key(process.processDefinitionKey()));
      processResult.setResourceName(process.resourceName());
      processResult.setTenantId(process.tenantId());
      DeploymentMetadataResult metadata = new DeploymentMetadataResult();
      metadata.setProcessDefinition(processResult);
      deployments.add(metadata);
    }
    for (DeployedDecisionRequirements requirements : result.decisionRequirements()) {
      DeploymentDecisionRequirementsResult requirementsResult = new DeploymentDecisionRequirementsResult();
      requirementsResult.setDecisionRequirementsId(requirements.decisionRequirementsId());
      requirementsResult.setDecisionRequirementsName(requirements.decisionRequirementsName());
      requirementsResult.setVersion(requirements.version());
      requirementsResult.setDecisionRequirementsKey(Json.key(requirements.decisionRequirementsKey()));
      requirementsResult.setResourceName(requirements.resourceName());
      requirementsResult.setTenantId(requirements.tenantId());
      DeploymentMetadataResult metadata = new DeploymentMetadataResult();
      metadata.setDecisionRequirements(requirementsResult);
      deployments.add(metadata);
    }
    for (DeployedDecision decision : result.decisions()) {
      DeploymentDecisionResult decisionResult = new DeploymentDecisionResult();
      decisionResult.setDecisionDefinitionId(decision.decisionId());
      decisionResult.setName(decision.decisionName());
      decisionResult.setVersion(decision.version());
      decisionResult.setDecisionDefinitionKey(Json.key(decision.decisionKey()));
      decisionResult.setDecisionRequirementsId(decision.decisionRequirementsId());
      decisionResult.setDecisionRequirementsKey(Json.key(decision.decisionRequirementsKey()));
      decisionResult.setTenantId(decision.tenantId());
      DeploymentMetadataResult metadata = new DeploymentMetadataResult();
      metadata.setDecisionDefinition(decisionResult);
      deployments.add(metadata);
    }
    response.setDeployments(deployments);
    return response;
  }
}
