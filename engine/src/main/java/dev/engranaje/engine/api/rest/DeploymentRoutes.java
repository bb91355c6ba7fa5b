package dev.engranaje.engine.api.rest;

import dev.engranaje.engine.gateway.DeployedDecision;
import dev.engranaje.engine.gateway.DeployedDecisionRequirements;
import dev.engranaje.engine.gateway.DeployedForm;
import dev.engranaje.engine.gateway.DeployedProcess;
import dev.engranaje.engine.gateway.DeploymentResource;
import dev.engranaje.engine.gateway.DeploymentResult;
import dev.engranaje.engine.gateway.EngineGateway;
import io.camunda.client.protocol.rest.DeleteResourceRequest;
import io.camunda.client.protocol.rest.DeleteResourceResponse;
import io.camunda.client.protocol.rest.DeploymentDecisionRequirementsResult;
import io.camunda.client.protocol.rest.DeploymentDecisionResult;
import io.camunda.client.protocol.rest.DeploymentFormResult;
import io.camunda.client.protocol.rest.DeploymentMetadataResult;
import io.camunda.client.protocol.rest.DeploymentProcessResult;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.Content;

/**
 * {@code POST /v2/deployments}: a multipart form of {@code resources} files (BPMN, DMN and forms)
 * and a {@code tenantId}. The response lists processes, decision requirements, decisions and forms.
 */
final class DeploymentRoutes {

  static final String DEFAULT_TENANT = "<default>";

  /** Form fields at most: resources and the tenant. */
  static final int MAX_PARTS = 1_000;

  private final EngineGateway gateway;

  DeploymentRoutes(EngineGateway gateway) {
    this.gateway = gateway;
  }

  void register(Router router) {
    router.add("POST", "/v2/deployments", this::deploy);
    router.add("POST", "/v2/resources/{key}/deletion", this::delete);
  }

  private CompletionStage<RestResponse> delete(RestRequest request) {
    long key = request.key("key");
    if (request.body() != null && request.body().length > 0
        && Boolean.TRUE.equals(request.body(DeleteResourceRequest.class).getDeleteHistory())) {
      throw RestRequest.badRequest("Expected deleteHistory false: the embedded engine keeps a deleted definition's"
          + " history (retention removes its finished instances)");
    }
    return new OperatorAudit(gateway).record(request, "DELETE", "RESOURCE", key, gateway.deleteResource(key),
        "process definition deleted").thenApply(ignored -> {
          DeleteResourceResponse response = new DeleteResourceResponse();
          response.setResourceKey(Long.toString(key));
          return RestResponse.ok(response);
        });
  }

  private CompletionStage<RestResponse> deploy(RestRequest request) {
    List<DeploymentResource> resources = new ArrayList<>();
    String tenantId = DEFAULT_TENANT;
    try (MultiPartFormData.Parts parts = parts(request)) {
      for (MultiPart.Part part : parts) {
        String name = part.getName() == null ? "" : part.getName();
        switch (name) {
          case "resources" -> {
            if (part.getFileName() == null || part.getFileName().isEmpty()) {
              throw RestRequest.badRequest("Every deployment resource needs a file name");
            }
            resources.add(new DeploymentResource(part.getFileName(), content(part)));
          }
          case "tenantId" -> {
            String text = part.getContentAsString(StandardCharsets.UTF_8).trim();
            tenantId = text.isEmpty() ? DEFAULT_TENANT : text;
          }
          default -> throw RestRequest.badRequest(
              "Unexpected form field '" + ProblemDetails.echo(name) + "'");
        }
      }
    }
    if (resources.isEmpty()) {
      throw RestRequest.badRequest("Expected at least one 'resources' file to deploy");
    }
    String names = String.join(", ", resources.stream().map(DeploymentResource::name).toList());
    return new OperatorAudit(gateway).record(request, "CREATE", "RESOURCE", -1, gateway.deploy(resources, tenantId),
        result -> new OperatorAudit.Described(result.deploymentKey(), "deployed " + names))
        .thenApply(result -> RestResponse.ok(toResponse(result)));
  }

  /**
   * The form's parts, parsed by Jetty's multipart parser from the body the server already read
   * (and bounded by the deployment body limit), all in memory.
   */
  private static MultiPartFormData.Parts parts(RestRequest request) {
    String contentType = request.contentType();
    if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      throw RestRequest.badRequest(
          "Expected Content-Type multipart/form-data, but got " + ProblemDetails.echo(contentType));
    }
    String boundary = MultiPart.extractBoundary(contentType);
    if (boundary == null || boundary.isEmpty()) {
      throw RestRequest.badRequest("Expected a multipart Content-Type with a boundary, but it has none");
    }
    byte[] body = PartHeaderCharset.toUtf8(request.body(), boundary);
    MultiPartFormData.Parser parser = new MultiPartFormData.Parser(boundary);
    parser.setMaxLength(body.length);
    parser.setMaxMemoryFileSize(body.length + 1L);
    parser.setMaxParts(MAX_PARTS);
    try {
      return parser.parse(Content.Source.from(ByteBuffer.wrap(body))).join();
    } catch (CompletionException | CancellationException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw RestRequest.badRequest("Expected a well-formed multipart/form-data body, but it is not: "
          + ProblemDetails.echo(String.valueOf(cause.getMessage())));
    }
  }

  private static byte[] content(MultiPart.Part part) {
    try {
      ByteBuffer buffer = Content.Source.asByteBuffer(part.getContentSource());
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      return bytes;
    } catch (java.io.IOException e) {
      throw RestRequest.badRequest("Expected a readable deployment resource '"
          + ProblemDetails.echo(part.getFileName()) + "', but it is not: " + e.getMessage());
    }
  }

  private static io.camunda.client.protocol.rest.DeploymentResult toResponse(
      DeploymentResult result) {
    io.camunda.client.protocol.rest.DeploymentResult response =
        new io.camunda.client.protocol.rest.DeploymentResult();
    response.setDeploymentKey(Json.key(result.deploymentKey()));
    response.setTenantId(result.tenantId());
    List<DeploymentMetadataResult> deployments = new ArrayList<>();
    for (DeployedProcess process : result.processes()) {
      DeploymentMetadataResult metadata = new DeploymentMetadataResult();
      metadata.setProcessDefinition(process(process));
      deployments.add(metadata);
    }
    for (DeployedDecisionRequirements requirements : result.decisionRequirements()) {
      DeploymentMetadataResult metadata = new DeploymentMetadataResult();
      metadata.setDecisionRequirements(decisionRequirements(requirements));
      deployments.add(metadata);
    }
    for (DeployedDecision decision : result.decisions()) {
      DeploymentMetadataResult metadata = new DeploymentMetadataResult();
      metadata.setDecisionDefinition(decision(decision));
      deployments.add(metadata);
    }
    for (DeployedForm form : result.forms()) {
      DeploymentMetadataResult metadata = new DeploymentMetadataResult();
      metadata.setForm(form(form));
      deployments.add(metadata);
    }
    response.setDeployments(deployments);
    return response;
  }

  private static DeploymentProcessResult process(DeployedProcess process) {
    DeploymentProcessResult result = new DeploymentProcessResult();
    result.setProcessDefinitionId(process.bpmnProcessId());
    result.setProcessDefinitionVersion(process.version());
    result.setProcessDefinitionKey(Json.key(process.processDefinitionKey()));
    result.setResourceName(process.resourceName());
    result.setTenantId(process.tenantId());
    return result;
  }

  private static DeploymentDecisionRequirementsResult decisionRequirements(DeployedDecisionRequirements requirements) {
    DeploymentDecisionRequirementsResult result = new DeploymentDecisionRequirementsResult();
    result.setDecisionRequirementsId(requirements.decisionRequirementsId());
    result.setDecisionRequirementsName(requirements.decisionRequirementsName());
    result.setVersion(requirements.version());
    result.setDecisionRequirementsKey(Json.key(requirements.decisionRequirementsKey()));
    result.setResourceName(requirements.resourceName());
    result.setTenantId(requirements.tenantId());
    return result;
  }

  private static DeploymentDecisionResult decision(DeployedDecision decision) {
    DeploymentDecisionResult result = new DeploymentDecisionResult();
    result.setDecisionDefinitionId(decision.decisionId());
    result.setName(decision.decisionName());
    result.setVersion(decision.version());
    result.setDecisionDefinitionKey(Json.key(decision.decisionKey()));
    result.setDecisionRequirementsId(decision.decisionRequirementsId());
    result.setDecisionRequirementsKey(Json.key(decision.decisionRequirementsKey()));
    result.setTenantId(decision.tenantId());
    return result;
  }

  private static DeploymentFormResult form(DeployedForm form) {
    DeploymentFormResult result = new DeploymentFormResult();
    result.setFormId(form.formId());
    result.setVersion(form.version());
    result.setFormKey(Json.key(form.formKey()));
    result.setResourceName(form.resourceName());
    result.setTenantId(form.tenantId());
    return result;
  }
}
