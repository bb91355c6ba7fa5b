package dev.engranaje.engine.api.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The route table and the dispatcher: checks credentials, matches method and path, and hands each
 * request to a {@link RestExchange}, which reads the body within the {@link ServerLimits}, calls
 * the route's handler and writes its eventual answer. No thread waits for a slow client or a long
 * poll: reading, waiting and writing are all callbacks.
 */
final class Router extends Handler.Abstract.NonBlocking {

  static final String UNAUTHORIZED =
      "Expected HTTP basic authentication with the engine's API credentials, but %s; the official client sends"
          + " them when CAMUNDA_BASIC_AUTH_USERNAME and CAMUNDA_BASIC_AUTH_PASSWORD are set";

  private final List<Route> routes = new ArrayList<>();
  private final ServerLimits limits;
  private final byte[] credentials;

  Router(ServerLimits limits, ApiAccess access) {
    this.limits = limits;
    this.credentials = access.requiresCredentials()
        ? (access.user() + ":" + access.password()).getBytes(StandardCharsets.UTF_8) : null;
  }

  /** Adds a route; {@code pattern} segments like {@code {key}} match any single segment. */
  Router add(String method, String pattern, RouteHandler handler) {
    routes.add(new Route(method, pattern.substring(1).split("/"), handler));
    return this;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    new RestExchange(this, limits, request, response, callback).start();
    return true;
  }

  /**
   * Null when the request may pass, else why not (for the 401 answer). Compares in constant time.
   */
  String refusal(Request request) {
    if (credentials == null) {
      return null;
    }
    String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
    if (header == null) {
      return "the request has no Authorization header";
    }
    if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return "the Authorization header is not of the Basic scheme";
    }
    byte[] given;
    try {
      given = Base64.getDecoder().decode(header.substring(6).trim());
    } catch (IllegalArgumentException e) {
      return "the Authorization header is not valid Base64";
    }
    return MessageDigest.isEqual(credentials, given) ? null : "the user or password is wrong";
  }

  /** The route for a request, or the problem to answer (404, or 405 with the allowed methods). */
  Match match(String method, String path) {
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
    if (exact != null) {
      return new Match(exact.handler(), exactParams, null, null);
    }
    if (templated != null) {
      return new Match(templated.handler(), templatedParams, null, null);
    }
    if (allowed.isEmpty()) {
      return new Match(null, Map.of(), ProblemDetails.notFound(path), null);
    }
    return new Match(null, Map.of(), ProblemDetails.methodNotAllowed(method, path), String.join(", ", allowed));
  }

  /**
   * A matched route and its path parameters, or a problem to answer instead.
   *
   * @param allow the Allow header for a 405, else null
   */
  record Match(RouteHandler handler, Map<String, String> params, RestResponse problem, String allow) {}

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
