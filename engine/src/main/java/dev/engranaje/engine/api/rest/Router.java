package dev.engranaje.engine.api.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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

  /** A stand-in compared against when the user is unknown, so that unknown and known users take as long. */
  private static final PasswordHash UNKNOWN_USER = PasswordHash.of("unknown".toCharArray());

  private static final int MAX_REMEMBERED = 10_000;

  private final List<Route> routes = new ArrayList<>();
  private final ServerLimits limits;
  private final RequestBodyBudget bodies;
  private final boolean requiresCredentials;
  private final byte[] environmentCredentials;
  private final String environmentUser;
  private final ApiUsers users;
  private final ConsoleSessions sessions;
  /** Verified Authorization headers (by SHA-256) so PBKDF2 runs once per credential, not per request. */
  private final Map<String, Identity> verified = new ConcurrentHashMap<>();

  Router(ServerLimits limits, ApiAccess access) {
    this(limits, access, null);
  }

  /** As {@link #Router(ServerLimits, ApiAccess)}, also accepting the web console's session cookie. */
  Router(ServerLimits limits, ApiAccess access, ConsoleSessions sessions) {
    this.limits = limits;
    this.bodies = new RequestBodyBudget(limits.maxBufferedBodyBytes());
    this.sessions = sessions;
    this.requiresCredentials = access.requiresCredentials();
    this.environmentUser = access.user();
    this.environmentCredentials = access.user() != null
        ? (access.user() + ":" + access.password()).getBytes(StandardCharsets.UTF_8) : null;
    this.users = access.users();
  }

  /**
   * Adds a route; {@code pattern} segments like {@code {key}} match any single segment. The role it
   * needs comes from {@link RouteRoles}, once, here.
   */
  Router add(String method, String pattern, RouteHandler handler) {
    routes.add(new Route(method, pattern.substring(1).split("/"), handler, RouteRoles.required(method, pattern)));
    return this;
  }

  /** Who made a request, with their roles; {@link #OPEN} when the API needs no credentials. */
  record Identity(String user, Set<Role> roles) {
    static final Identity OPEN = new Identity(null, Set.of(Role.ADMIN));

    boolean may(Role needed) {
      return roles.stream().anyMatch(role -> role.grants(needed));
    }

    /** Whether this identity acts as someone in particular (and not as an admin of everything). */
    boolean isRestricted() {
      return user != null && !roles.contains(Role.ADMIN);
    }
  }

  /** The result of checking credentials: an identity, or why there is none (for the 401). */
  record Authentication(Identity identity, String refusal) {}

  /** Checks a request's credentials. Compares in constant time. */
  Authentication authenticate(Request request) {
    if (!requiresCredentials) {
      return new Authentication(Identity.OPEN, null);
    }
    String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
    if (header == null && sessions != null) {
      // the console's CSRF token was checked by the ConsoleHandler before the request got here
      ConsoleSessions.Session session = sessions.find(request).orElse(null);
      if (session != null) {
        return new Authentication(new Identity(session.user(), session.roles()), null);
      }
    }
    if (header == null) {
      return refused("the request has no Authorization header (nor a console session)");
    }
    if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return refused("the Authorization header is not of the Basic scheme");
    }
    String key = digest(header);
    Identity known = verified.get(key);
    if (known != null) {
      return new Authentication(known, null);
    }
    byte[] given;
    try {
      given = Base64.getDecoder().decode(header.substring(6).trim());
    } catch (IllegalArgumentException e) {
      return refused("the Authorization header is not valid Base64");
    }
    Identity identity = check(given);
    if (identity == null) {
      return refused("the user or password is wrong");
    }
    if (verified.size() < MAX_REMEMBERED) {
      verified.put(key, identity);
    }
    return new Authentication(identity, null);
  }

  private static Authentication refused(String why) {
    return new Authentication(null, why);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    new RestExchange(this, limits, bodies, request, response, callback).start();
    return true;
  }

  /** The identity of {@code user} when {@code password} is theirs, else null; for the console's login. */
  Identity login(String user, char[] password) {
    if (user.indexOf(':') >= 0) {
      return null;
    }
    byte[] given = (user + ":" + new String(password)).getBytes(StandardCharsets.UTF_8);
    try {
      return check(given);
    } finally {
      Arrays.fill(given, (byte) 0);
    }
  }

  /** Whether requests must authenticate (else the console needs no login). */
  boolean requiresCredentials() {
    return requiresCredentials;
  }

  /** The groups of a users-file user (none for the environment's user or an unknown one). */
  Set<String> groups(String user) {
    ApiUsers.User found = users == null || user == null ? null : users.user(user);
    return found == null ? Set.of() : found.groups();
  }

  private Identity check(byte[] given) {
    if (environmentCredentials != null && MessageDigest.isEqual(environmentCredentials, given)) {
      return new Identity(environmentUser, Set.of(Role.ADMIN));
    }
    if (users == null) {
      return null;
    }
    String pair = new String(given, StandardCharsets.UTF_8);
    int colon = pair.indexOf(':');
    if (colon < 0) {
      return null;
    }
    ApiUsers.User user = users.user(pair.substring(0, colon));
    char[] password = pair.substring(colon + 1).toCharArray();
    boolean matches = (user == null ? UNKNOWN_USER : user.password()).matches(password);
    Arrays.fill(password, '\0');
    return user != null && matches ? new Identity(user.name(), user.roles()) : null;
  }

  private static String digest(String header) {
    try {
      return Base64.getEncoder().encodeToString(
          MessageDigest.getInstance("SHA-256").digest(header.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("The JDK lacks SHA-256", e);
    }
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
      return new Match(exact.handler(), exactParams, null, null, exact.role());
    }
    if (templated != null) {
      return new Match(templated.handler(), templatedParams, null, null, templated.role());
    }
    if (allowed.isEmpty()) {
      return new Match(null, Map.of(), ProblemDetails.notFound(path), null, null);
    }
    return new Match(null, Map.of(), ProblemDetails.methodNotAllowed(method, path), String.join(", ", allowed), null);
  }

  /**
   * A matched route and its path parameters, or a problem to answer instead.
   *
   * @param allow the Allow header for a 405, else null
   * @param role the role the route needs, null with a problem
   */
  record Match(RouteHandler handler, Map<String, String> params, RestResponse problem, String allow, Role role) {}

  private record Route(String method, String[] segments, RouteHandler handler, Role role) {

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
