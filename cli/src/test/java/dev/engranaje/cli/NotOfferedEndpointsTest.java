package dev.engranaje.cli;

import static dev.engranaje.cli.RpaRun.rpa;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.engranaje.cli.RpaRun.Result;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An engine that predates an endpoint answers 404 for the path (or 405): the command names the
 * missing feature in one line with the "refused" exit code, and a real 404 (no such instance) stays
 * the engine's own message. A local HTTP server plays such an engine; the real client talks to it.
 */
class NotOfferedEndpointsTest {
  private HttpServer server;
  private String address;

  @BeforeEach
  void startOldEngine() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getPath();
      int status = path.equals("/v2/jobs/search") ? 405 : 404;
      String detail = path.startsWith("/v2/process-instances/") ? "Process instance with key 42 not found"
          : "No resource at " + path;
      byte[] body = ("{\"type\":\"about:blank\",\"title\":\"NOT_FOUND\",\"status\":" + status + ",\"detail\":\""
          + detail + "\",\"instance\":\"" + path + "\"}").getBytes(StandardCharsets.UTF_8);
      exchange.getRequestBody().readAllBytes();
      exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
      exchange.sendResponseHeaders(status, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    address = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void shouldNameTheFeatureTheEngineDoesNotOfferInsteadOfAStackTrace() {
    assertNotOffered(rpa("jobs", "--address", address), "job search", 405);
    assertNotOffered(rpa("processes", "--address", address), "process definition search", 404);
    assertNotOffered(rpa("decisions", "--address", address), "decision definition search", 404);
    assertNotOffered(rpa("decisions", "evaluations", "--address", address), "decision instance search", 404);
    assertNotOffered(rpa("incidents", "--address", address), "incident search", 404);
  }

  @Test
  void shouldKeepTheEnginesMessageWhenTheThingAskedForDoesNotExist() {
    // when
    Result result = rpa("instance", "42", "--address", address);

    // then
    assertThat(result.exitCode()).isEqualTo(ExitCodes.REFUSED);
    assertThat(result.err()).contains("HTTP 404", "Process instance with key 42 not found").doesNotContain("does not offer");
  }

  private static void assertNotOffered(Result result, String feature, int status) {
    assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.REFUSED);
    assertThat(result.err().strip())
        .isEqualTo("This engine does not offer " + feature + " yet (HTTP " + status + " on its REST API); Camunda 8.8+"
            + " and Engranaje engines with the history API (docs/engine/search-api.md) do.");
  }
}
