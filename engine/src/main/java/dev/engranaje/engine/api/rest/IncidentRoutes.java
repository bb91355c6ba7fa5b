package dev.engranaje.engine.api.rest;

import dev.engranaje.engine.gateway.EngineGateway;
import java.util.concurrent.CompletionStage;

/** {@code POST /v2/incidents/{key}/resolution}. */
final class IncidentRoutes {

  private final EngineGateway gateway;
  private final OperatorAudit audit;

  IncidentRoutes(EngineGateway gateway) {
    this.gateway = gateway;
    this.audit = new OperatorAudit(gateway);
  }

  void register(Router router) {
    router.add("POST", "/v2/incidents/{key}/resolution", this::resolve);
  }

  private CompletionStage<RestResponse> resolve(RestRequest request) {
    long key = request.key("key");
    return audit.record(request, "RESOLVE", "INCIDENT", key, gateway.resolveIncidentWithOutcome(key),
        resolution -> new OperatorAudit.Described(-1, resolution.description()))
        .thenApply(ignored -> RestResponse.noContent());
  }
}
