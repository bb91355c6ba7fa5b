package dev.engranaje.engine.api.rest;

import dev.engranaje.engine.gateway.EngineGateway;
import dev.engranaje.engine.gateway.EngineHealth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * {@code GET /health}: liveness and readiness in one JSON document, for supervisors and load
 * balancers. 200 with {@code "status":"UP"} when the processor, the log writer and the storage are
 * all up; 503 with {@code "status":"DOWN"} and a sentence per part that is down otherwise, e.g.
 * {@code {"status":"DOWN","processor":{"status":"UP"},"logWriter":{"status":"UP"},
 * "storage":{"status":"DOWN","detail":"Expected to store ..."}}}. Answering at all is the liveness.
 * {@code GET /health/readiness} is the same document (ready only once the state is recovered from
 * the log); {@code GET /health/liveness} always answers 200 {@code {"status":"UP"}} for
 * supervisors that restart a process which stops answering.
 */
final class HealthRoutes {

  private final EngineGateway gateway;

  HealthRoutes(EngineGateway gateway) {
    this.gateway = gateway;
  }

  void register(Router router) {
    router.add("GET", "/health", this::health);
    router.add("GET", "/health/readiness", this::health);
    // answering at all means the process is alive, even while it recovers or its storage is down
    router.add("GET", "/health/liveness", request -> java.util.concurrent.CompletableFuture.completedFuture(
        new RestResponse(200, Map.of("status", "UP"), RestResponse.JSON)));
  }

  private CompletionStage<RestResponse> health(RestRequest request) {
    return gateway.topology().thenApply(topology -> {
      EngineHealth health = topology.health();
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("status", health.status().name());
      body.put("processor", component(health.processor()));
      body.put("logWriter", component(health.logWriter()));
      body.put("storage", component(health.storage()));
      return new RestResponse(health.ready() ? 200 : 503, body, RestResponse.JSON);
    });
  }

  private static Map<String, Object> component(EngineHealth.Component component) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("status", component.status().name());
    if (component.detail() != null) {
      json.put("detail", component.detail());
    }
    return json;
  }
}
