package dev.engranaje.engine.api.rest;

import dev.engranaje.engine.gateway.EngineGateway;
import java.util.concurrent.CompletionStage;

/** {@code POST /v2/incidents/{key}/resolution}. */
final class IncidentRoutes {

  private final EngineGateway gateway;

  IncidentRoutes(EngineGateway gateway) {
    this.gateway = gateway;
  }

  void register(Router router) {
    router.add("POST", "/v2/incidents/{key}/resolution", this::resolve);
  }

  private CompletionStage<RestResponse> resolve(RestRequest request) {
    long key = request.key("key");
    return gateway.resolveIncident(key).thenApply(ignored -> RestResponse.noContent());
  }
}
