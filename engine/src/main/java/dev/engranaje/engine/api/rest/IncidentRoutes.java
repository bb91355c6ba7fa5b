package dev.engranaje.engine.api.rest;

import dev.engranaje.engine.gateway.EngineGateway;
import dev.engranaje.engine.gateway.IncidentFilter;
import dev.engranaje.engine.gateway.Rejection;
import dev.engranaje.engine.gateway.RejectionType;
import java.util.concurrent.CompletionStage;

/** {@code POST /v2/incidents/{key}/resolution} and {@code GET /v2/incidents/{key}}. */
final class IncidentRoutes {

  private final EngineGateway gateway;

  IncidentRoutes(EngineGateway gateway) {
    this.gateway = gateway;
  }

  void register(Router router) {
    router.add("POST", "/v2/incidents/{key}/resolution", this::resolve);
    router.add("GET", "/v2/incidents/{key}", this::get);
  }

  private CompletionStage<RestResponse> resolve(RestRequest request) {
    long key = request.key("key");
    return gateway.resolveIncident(key).thenApply(ignored -> RestResponse.noContent());
  }

  private CompletionStage<RestResponse> get(RestRequest request) {
    long key = request.key("key");
    return gateway
        .searchIncidents(new IncidentFilter(key, null, null, null, null))
        .thenApply(
            incidents ->
                RestResponse.ok(
                    Views.incident(
                        incidents.stream()
                            .filter(incident -> incident.key() == key)
                            .findFirst()
                            .orElseThrow(
                                () ->
                                    new Rejection(
                                        RejectionType.NOT_FOUND,
                                        "Incident with key " + key + " not found")))));
  }
}
