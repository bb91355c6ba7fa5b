package dev.engranaje.engine.api.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The web console in front of the {@code /v2} API: {@code /} redirects to {@code /console/}, which
 * serves the console's page and files; {@code /console/api/} logs in and out and says who is
 * logged in; {@code /console/workspace/} serves the evidence in an instance's workspace. Every other
 * request goes on to the API, after a check that a request made with the session cookie (and not
 * with its own credentials) that changes anything carries the session's CSRF token.
 */
public final class ConsoleHandler extends Handler.Wrapper {

  static final String PREFIX = "/console/";
  static final String CSRF_REFUSED = "Expected the console session's CSRF token in the " + ConsoleSessions.CSRF_HEADER
      + " header of a request that changes something, but it is %s; reload the console page";
  static final String LOGIN_REFUSED = "Expected a known user and their password, but the user or password is wrong";
  static final String LOGIN_AS_JSON =
      "Expected a JSON body {\"username\": ..., \"password\": ...} with Content-Type application/json";
  /** The page's own scripts and styles only; inline styles for bpmn-js's overlays and form-js. */
  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'"
      + " 'unsafe-inline'; font-src 'self' data:; frame-ancestors 'none'; form-action 'self'";
  private static final int MAX_LOGIN_BYTES = 8 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ConsoleSessions sessions;
  private final ConsoleAuthority authority;
  private final String openUser;
  private final ConsoleWorkspaceFiles workspace;
  private final ConsoleAssets assets = new ConsoleAssets();
  private final boolean tokenForEveryAction;
  /** The CSRF token of a console that needs no login: only its own page can read it. */
  private final ConsoleSessions.Session openSession;

  /**
   * @param openUser the name tasks are claimed as when no login is needed
   * @param workspaceRoot the workers' workspace root, whose evidence files are linked; null for none
   */
  public ConsoleHandler(ConsoleSessions sessions, ConsoleAuthority authority, String openUser, Path workspaceRoot,
      Handler api) {
    this(sessions, authority, openUser, workspaceRoot, false, api);
  }

  /**
   * @param tokenForEveryAction whether every request that changes something needs a CSRF token,
   *     with a session or without one (a console that adds credentials of its own to what it
   *     forwards); else only requests made with the session cookie do
   */
  public ConsoleHandler(ConsoleSessions sessions, ConsoleAuthority authority, String openUser, Path workspaceRoot,
      boolean tokenForEveryAction, Handler api) {
    super(api);
    this.sessions = sessions;
    this.authority = authority;
    this.openUser = openUser;
    this.workspace = workspaceRoot == null ? null : new ConsoleWorkspaceFiles(workspaceRoot);
    this.tokenForEveryAction = tokenForEveryAction;
    this.openSession = new ConsoleSessions().open(openUser, Set.of(Role.ADMIN), Set.of(), null);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String path = Request.getPathInContext(request);
    String method = request.getMethod().toUpperCase(Locale.ROOT);
    if (path.equals("/") || path.equals("/console")) {
      Response.sendRedirect(request, response, callback, PREFIX);
      return true;
    }
    if (path.startsWith(PREFIX + "api/")) {
      api(path.substring(PREFIX.length() + 4), method, request, response, callback);
      return true;
    }
    if (path.startsWith(PREFIX + "workspace/")) {
      workspaceFile(path.substring(PREFIX.length() + 10), request, response, callback);
      return true;
    }
    if (path.startsWith(PREFIX)) {
      asset(path.substring(PREFIX.length()), method, request, response, callback);
      return true;
    }
    if (changes(method) && request.getHeaders().get(HttpHeader.AUTHORIZATION) == null
        && (tokenForEveryAction || ConsoleSessions.hasCookie(request))) {
      Optional<ConsoleSessions.Session> session = sessions.find(request);
      String token = request.getHeaders().get(ConsoleSessions.CSRF_HEADER);
      boolean accepted = session.map(found -> found.acceptsCsrf(token))
          .orElse(!tokenForEveryAction || (!authority.requiresLogin() && openSession.acceptsCsrf(token)));
      if (!accepted) {
        problem(403, "FORBIDDEN", String.format(CSRF_REFUSED, token == null ? "missing" : "wrong"), path,
            response, callback);
        return true;
      }
    }
    return super.handle(request, response, callback);
  }

  private static boolean changes(String method) {
    return !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
  }

  private void api(String name, String method, Request request, Response response, Callback callback) {
    switch (name) {
      case "session" -> {
        if (!method.equals("GET")) {
          methodNotAllowed("GET", request, response, callback);
          return;
        }
        Optional<ConsoleSessions.Session> session = sessions.find(request);
        if (authority.requiresLogin() && session.isEmpty()) {
          problem(401, "UNAUTHORIZED", "Expected a console session, but there is none: log in", request,
              response, callback);
          return;
        }
        json(200, describe(session.orElse(null)), response, callback);
      }
      case "login" -> login(method, request, response, callback);
      case "logout" -> {
        if (!method.equals("POST")) {
          methodNotAllowed("POST", request, response, callback);
          return;
        }
        Optional<ConsoleSessions.Session> session = sessions.find(request);
        if (session.isPresent() && !session.get().acceptsCsrf(request.getHeaders().get(ConsoleSessions.CSRF_HEADER))) {
          problem(403, "FORBIDDEN", String.format(CSRF_REFUSED, "missing or wrong"), request, response, callback);
          return;
        }
        sessions.close(request);
        response.getHeaders().add(HttpHeader.SET_COOKIE, ConsoleSessions.clearCookie());
        response.setStatus(204);
        callback.succeeded();
      }
      default -> problem(404, "NOT_FOUND", "No console endpoint " + ProblemDetails.echo(name), request, response,
          callback);
    }
  }

  private void login(String method, Request request, Response response, Callback callback) {
    if (!method.equals("POST")) {
      methodNotAllowed("POST", request, response, callback);
      return;
    }
    // JSON only: a cross-site form cannot send it without the browser asking first (login CSRF)
    String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      problem(415, "UNSUPPORTED_MEDIA_TYPE", LOGIN_AS_JSON, request, response, callback);
      return;
    }
    Content.Source.asByteArrayAsync(request, MAX_LOGIN_BYTES).whenComplete((body, failure) -> {
      if (failure != null) {
        problem(400, "INVALID_ARGUMENT", LOGIN_AS_JSON, request, response, callback);
        return;
      }
      String user;
      char[] password;
      try {
        JsonNode node = JSON.readTree(body);
        user = node.path("username").asText("");
        password = node.path("password").asText("").toCharArray();
      } catch (IOException e) {
        problem(400, "INVALID_ARGUMENT", LOGIN_AS_JSON, request, response, callback);
        return;
      } finally {
        Arrays.fill(body, (byte) 0);
      }
      if (user.isEmpty() || password.length == 0) {
        problem(400, "INVALID_ARGUMENT", "Expected a user name and a password, but "
            + (user.isEmpty() ? "the user name" : "the password") + " is empty", request, response, callback);
        return;
      }
      authority.login(user, password, sessions).whenComplete((session, error) -> {
        Arrays.fill(password, '\0');
        if (error != null) {
          problem(502, "UNAVAILABLE", "Expected to check the credentials, but " + error.getMessage(), request,
              response, callback);
        } else if (session.isEmpty()) {
          problem(401, "UNAUTHORIZED", LOGIN_REFUSED, request, response, callback);
        } else {
          response.getHeaders().add(HttpHeader.SET_COOKIE, ConsoleSessions.setCookie(session.get()));
          json(200, describe(session.get()), response, callback);
        }
      });
    });
  }

  private Map<String, Object> describe(ConsoleSessions.Session session) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("loginRequired", authority.requiresLogin());
    answer.put("user", session == null ? openUser : session.user());
    Set<String> roles = new TreeSet<>();
    (session == null ? Set.of(Role.ADMIN) : session.roles()).forEach(role -> roles.add(role.label()));
    answer.put("roles", roles);
    answer.put("groups", session == null || session.groups() == null ? Set.of() : new TreeSet<>(session.groups()));
    answer.put("groupsKnown", session == null ? false : session.groups() != null);
    answer.put("csrfToken", session == null ? openSession.csrfToken() : session.csrfToken());
    answer.put("workspace", workspace != null);
    return answer;
  }

  private void asset(String name, String method, Request request, Response response, Callback callback) {
    if (!method.equals("GET") && !method.equals("HEAD")) {
      methodNotAllowed("GET", request, response, callback);
      return;
    }
    Optional<ConsoleAssets.Asset> asset = assets.find(name);
    if (asset.isEmpty()) {
      problem(404, "NOT_FOUND", "The console has no file " + ProblemDetails.echo(name), request, response, callback);
      return;
    }
    response.setStatus(200);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, asset.get().contentType());
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, asset.get().cacheable() ? "max-age=86400" : "no-cache");
    securityHeaders(response);
    response.getHeaders().put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    response.write(true, method.equals("HEAD") ? ByteBuffer.allocate(0) : ByteBuffer.wrap(asset.get().bytes()),
        callback);
  }

  private void workspaceFile(String rest, Request request, Response response, Callback callback) {
    if (authority.requiresLogin() && sessions.find(request).isEmpty()) {
      problem(401, "UNAUTHORIZED", "Expected a console session, but there is none: log in", request, response,
          callback);
      return;
    }
    int slash = rest.indexOf('/');
    long key;
    try {
      key = Long.parseLong(slash < 0 ? rest : rest.substring(0, slash));
    } catch (NumberFormatException e) {
      problem(404, "NOT_FOUND", "Expected /console/workspace/<processInstanceKey>/<file>", request, response,
          callback);
      return;
    }
    String reference = slash < 0 ? "" : org.eclipse.jetty.util.URIUtil.decodePath(rest.substring(slash + 1));
    Optional<Path> file = workspace == null ? Optional.empty() : workspace.find(key, reference);
    if (file.isEmpty()) {
      problem(404, "NOT_FOUND", workspace == null
          ? "The console was started without the workers' workspace: start it with --workspace DIR to open evidence"
          : "Instance " + key + " has no workspace file " + ProblemDetails.echo(reference), request, response, callback);
      return;
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file.get());
    } catch (IOException e) {
      problem(500, "INTERNAL", "Expected to read " + ProblemDetails.echo(reference) + ", but " + e.getMessage(),
          request, response, callback);
      return;
    }
    String name = file.get().getFileName().toString().toLowerCase(Locale.ROOT);
    response.setStatus(200);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, name.endsWith(".png") ? "image/png"
        : name.endsWith(".html") || name.endsWith(".htm") ? "text/html; charset=utf-8"
        : name.endsWith(".pdf") ? "application/pdf" : "text/plain; charset=utf-8");
    securityHeaders(response);
    // a saved portal page must not run its scripts here
    response.getHeaders().put("Content-Security-Policy", "sandbox; default-src 'none'; img-src 'self' data:;"
        + " style-src 'unsafe-inline'");
    response.write(true, ByteBuffer.wrap(bytes), callback);
  }

  private static void securityHeaders(Response response) {
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    response.getHeaders().put("X-Frame-Options", "DENY");
    response.getHeaders().put("Referrer-Policy", "same-origin");
  }

  private static void methodNotAllowed(String allowed, Request request, Response response, Callback callback) {
    response.getHeaders().put(HttpHeader.ALLOW, allowed);
    problem(405, "METHOD_NOT_ALLOWED", "Expected " + allowed + " for " + Request.getPathInContext(request), request,
        response, callback);
  }

  private static void problem(int status, String title, String detail, Request request, Response response,
      Callback callback) {
    problem(status, title, detail, Request.getPathInContext(request), response, callback);
  }

  private static void problem(int status, String title, String detail, String instance, Response response,
      Callback callback) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    body.put("instance", instance);
    write(status, body, RestResponse.PROBLEM_JSON, response, callback);
  }

  private static void json(int status, Object body, Response response, Callback callback) {
    write(status, body, RestResponse.JSON, response, callback);
  }

  private static void write(int status, Object body, String type, Response response, Callback callback) {
    byte[] bytes;
    try {
      bytes = JSON.writeValueAsBytes(body);
    } catch (IOException e) {
      callback.failed(e);
      return;
    }
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.write(true, ByteBuffer.wrap(bytes), callback);
  }
}
