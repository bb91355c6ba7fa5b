package dev.engranaje.engine.api.rest;

import dev.engranaje.engine.metrics.EngineMetrics;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /metrics}: the engine's meters in the Prometheus text format ({@link EngineMetrics}).
 * Behind the same authentication as the rest of the API when credentials are configured (a viewer
 * may scrape).
 */
final class MetricsRoutes {
  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final EngineMetrics metrics;

  MetricsRoutes(EngineMetrics metrics) {
    this.metrics = metrics;
  }

  void register(Router router) {
    router.add("GET", "/metrics", request -> metrics.scrape().thenApply(text ->
        new RestResponse(200, text.getBytes(StandardCharsets.UTF_8), PROMETHEUS_TEXT)));
  }
}
