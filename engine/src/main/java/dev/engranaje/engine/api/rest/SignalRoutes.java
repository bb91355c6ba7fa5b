package dev.engranaje.engine.api.rest;

import dev.engranaje.engine.gateway.EngineGateway;
import io.camunda.client.protocol.rest.SignalBroadcastRequest;
import io.camunda.client.protocol.rest.SignalBroadcastResult;
import java.util.concurrent.CompletionStage;

/** {@code POST /v2/signals/broadcast}. */
final class SignalRoutes {
  private final EngineGateway gateway;

  SignalRoutes(EngineGateway gateway) {
    this.gateway = gateway;
  }

  void register(Router router) {
    router.add("POST", "/v2/signals/broadcast", this::broadcast);
  }

  private CompletionStage<RestResponse> broadcast(RestRequest request) {
    SignalBroadcastRequest body = request.body(SignalBroadcastRequest.class);
    if (body.getSignalName() == null || body.getSignalName().isEmpty()) {
      throw RestRequest.badRequest("Expected a signal name, but none was given");
    }
    return gateway.broadcastSignal(body.getSignalName(), Json.variablesToJson(body.getVariables()),
            ProcessInstanceRoutes.tenant(body.getTenantId()))
        .thenApply(broadcasted -> {
          SignalBroadcastResult result = new SignalBroadcastResult();
          result.setSignalKey(Json.key(broadcasted.signalKey()));
          result.setTenantId(broadcasted.tenantId());
          return RestResponse.ok(result);
        });
  }
}
