package dev.engranaje.engine.api.rest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.engranaje.engine.gateway.Rejection;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The route table and the dispatcher: matches method and path, hands the request to its handler
 * and writes the handler's eventual answer. A handler's future may complete much later (long
 * polls); the exchange is answered from that completion, on {@code responseExecutor}, so no thread
 * waits for it.
 */
final class Router implements HttpHandler {

  private static final Logger LOG = LoggerFactory.getLogger(Router.class);

  private final List<Route> routes = new ArrayList<>();
  private final Executor responseExecutor;

  Router(Executor responseExecutor) {
    this.responseExecutor = responseExecutor;
  }

  /** Adds a route; {@code pattern} segments like {@code {key}} match any single segment. */
  Router add(String method, String pattern, RouteHandler handler) {
    routes.add(new Route(method, pattern.substring(1).split("/"), handler));
    return this;
  }

  @Override
  public void handle(HttpExchange exchange) {
    String path = exchange.getRequestURI().getPath();
    CompletionStage<RestResponse> response;
    try {
      response = dispatch(exchange, path);
    } catch (RuntimeException e) {
      response = CompletableFuture.failedFuture(e);
    }
    response.whenCompleteAsync(
        (result, failure) -> respond(exchange, path, result, failure), responseExecutor);
  }

  private CompletionStage<RestResponse> dispatch(HttpExchange exchange, String path) {
    String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    String[] segments = path.length() > 1 ? path.substring(1).split("/", -1) : new String[0];
    Route exact = null;
    Map<String, String> exactParams = null;
    Route templated = null;
    Map<String, String> templatedParams = null;
    TreeSet<String> allowed = new TreeSet<>();
    for (Route route : routes) {
      Map<String, String> params = route.match(segments);
      if (params == null) {
        continue;
      }
      allowed.add(route.method());
      if (!route.method().equals(method)) {
        continue;
      }
      // A literal segment beats a {param} one: POST /jobs/activation is not PATCH-style /jobs/{key}.
      if (params.isEmpty() && exact == null) {
        exact = route;
        exactParams = params;
      } else if (templated == null) {
        templated = route;
        templatedParams = params;
      }
    }
    Route route = exact != null ? exact : templated;
    if (route == null) {
      if (allowed.isEmpty()) {
        return CompletableFuture.completedFuture(ProblemDetails.notFound(path));
      }
      exchange.getResponseHeaders().set("Allow", String.join(", ", allowed));
      return CompletableFuture.completedFuture(ProblemDetails.methodNotAllowed(method, path));
    }
    RestRequest request =
        new RestRequest(
            method,
            path,
            exact != null ? exactParams : templatedParams,
            exchange.getRequestHeaders().getFirst("Content-Type"),
            readBody(exchange));
    return route.handler().handle(request);
  }

  private static byte[] readBody(HttpExchange exchange) {
    try (InputStream in = exchange.getRequestBody()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw RestRequest.badRequest("Could not read the request body: " + e.getMessage());
    }
  }

  private static void respond(
      HttpExchange exchange, String path, RestResponse result, Throwable failure) {
    RestResponse response = result;
    if (failure != null) {
      response = toProblem(unwrap(failure), path);
    }
    try {
      write(exchange, response);
    } catch (RuntimeException e) {
      LOG.error("Failed to serialize the response to {} {}", exchange.getRequestMethod(), path, e);
      try {
        write(exchange, ProblemDetails.internalError(path));
      } catch (RuntimeException | IOException again) {
        exchange.close();
      }
    } catch (IOException e) {
      // Typically the client gave up (e.g. its own timeout) before the answer was ready.
      LOG.debug("Could not write the response to {} {}", exchange.getRequestMethod(), path, e);
      exchange.close();
    }
  }

  private static RestResponse toProblem(Throwable failure, String path) {
    if (failure instanceof Rejection rejection) {
      return ProblemDetails.rejection(rejection, path);
    }
    LOG.error("Unexpected failure while handling {}", path, failure);
    return ProblemDetails.internalError(path);
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  private static void write(HttpExchange exchange, RestResponse response) throws IOException {
    byte[] bytes = response.body() == null ? null : Json.write(response.body());
    try (exchange) {
      if (bytes == null) {
        exchange.sendResponseHeaders(response.status(), -1);
        return;
      }
      exchange.getResponseHeaders().set("Content-Type", response.contentType());
      exchange.sendResponseHeaders(response.status(), bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private record Route(String method, String[] segments, RouteHandler handler) {

    /** The path parameters when {@code path} matches this route, else null. */
    Map<String, String> match(String[] path) {
      if (path.length != segments.length) {
        return null;
      }
      Map<String, String> params = new LinkedHashMap<>();
      for (int i = 0; i < segments.length; i++) {
        String segment = segments[i];
        if (segment.startsWith("{") && segment.endsWith("}")) {
          if (path[i].isEmpty()) {
            return null;
          }
          params.put(segment.substring(1, segment.length() - 1), path[i]);
        } else if (!segment.equals(path[i])) {
          return null;
        }
      }
      return params;
    }
  }
}
