package dev.engranaje.workers.host;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The operator's HTTP endpoint: {@code GET /health} (200 when up, 503 with the reason when not) and
 * {@code GET /metrics} (Prometheus text format). Binds the configured address, 127.0.0.1 by default;
 * it has no authentication, so keep it on loopback or a private network.
 */
final class HealthServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor;

  /** What {@code /health} reports: an HTTP status and a JSON body. */
  record Health(int status, String json) {}

  HealthServer(String host, int port, Supplier<Health> health, Supplier<String> metrics) throws IOException {
    server = HttpServer.create(new InetSocketAddress(host, port), 0);
    executor = Executors.newSingleThreadExecutor(runnable -> {
      Thread thread = new Thread(runnable, "engranaje-health");
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(executor);
    server.createContext("/health", exchange -> {
      Health answer = health.get();
      respond(exchange, answer.status(), "application/json", answer.json());
    });
    server.createContext("/metrics", exchange ->
        respond(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.get()));
    server.start();
  }

  /** The port bound (the configured one). */
  int port() {
    return server.getAddress().getPort();
  }

  private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
    try (exchange) {
      if (!"GET".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", contentType);
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
