package dev.engranaje.engine.api.rest;

import dev.engranaje.engine.gateway.EngineGateway;
import io.camunda.client.protocol.rest.SetVariableRequest;
import java.util.concurrent.CompletionStage;

/** {@code PUT /v2/element-instances/{key}/variables}. */
final class VariableRoutes {

  private final EngineGateway gateway;

  VariableRoutes(EngineGateway gateway) {
    this.gateway = gateway;
  }

  void register(Router router) {
    router.add("PUT", "/v2/element-instances/{key}/variables", this::setVariables);
  }

  private CompletionStage<RestResponse> setVariables(RestRequest request) {
    long key = request.key("key");
    SetVariableRequest body = request.body(SetVariableRequest.class);
    if (body.getVariables() == null) {
      throw RestRequest.badRequest("Expected variables to set, but none were given");
    }
    return new OperatorAudit(gateway).record(request, "UPDATE", "VARIABLE", key, gateway.setVariables(
            key, Json.variablesToJson(body.getVariables()), Boolean.TRUE.equals(body.getLocal())),
        "variables set: " + String.join(", ", body.getVariables().keySet()))
        .thenApply(ignored -> RestResponse.noContent());
  }
}
