package dev.engranaje.cli.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/** Asks an engine's REST API whether it answers, the way a client would first talk to it. */
final class EngineProbes {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private EngineProbes() {}

  /**
   * Loads and initialises the HTTP client by asking a port where nothing listens, so that a timed
   * {@link #awaitTopology} measures the engine rather than the probe's own first use.
   */
  static void warmUp() {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:9/v2/topology")).GET().build();
    try {
      HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException expected) {
      // nothing listens there: the point was loading the client
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Returns once {@code GET /v2/topology} answers 200, retrying every millisecond until the deadline. */
  static void awaitTopology(URI restAddress, Duration timeout) throws InterruptedException, TimeoutException {
    HttpRequest request = HttpRequest.newBuilder(restAddress.resolve("/v2/topology")).GET().build();
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return;
        }
        last = "status " + response.statusCode();
      } catch (IOException e) {
        last = e.toString();
      }
      LockSupport.parkNanos(1_000_000);
    }
    throw new TimeoutException("Expected " + restAddress + "/v2/topology to answer 200 within " + timeout
        + ", but the last attempt got " + last);
  }
}
