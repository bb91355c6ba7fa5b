package dev.engranaje.examples.bankportal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A mock online-banking portal ("Demo Bank") on 127.0.0.1, for the bank-reconciliation demo and its
 * end-to-end tests; JDK {@link HttpServer}, no dependencies beyond Jackson.
 *
 * <p>What a robot meets here is what it meets at a real bank, in small:
 * <ul>
 *   <li>{@code GET /login}: a sign-in form with a per-session CSRF token (hidden field {@code csrf});
 *       {@code POST /login} checks the token and the password. A wrong password shows the form again
 *       with {@code <p class="login-error">}; a missing or wrong token answers 403.</li>
 *   <li>{@code GET /statements}: the statement list, built in the browser by JavaScript from
 *       {@code GET /api/statements} (JSON), so the page is empty without a JavaScript engine. Each row
 *       ({@code tr[data-statement=ID]}) has download links {@code a.download[data-format=camt053]} and
 *       {@code [data-format=mt940]}; {@code #statements-ready} appears when the list is built.</li>
 *   <li>{@code GET /statements/ID/download?format=camt053|mt940&csrf=TOKEN}: the file as an
 *       attachment ({@code Content-Disposition}); a wrong token answers 403.</li>
 *   <li>{@link #outage(boolean)}: every page answers 503 "Online banking is unavailable"
 *       ({@code #outage}), as during a bank's maintenance window.</li>
 * </ul>
 *
 * <p>One user, {@link #USER}, with the password given at start; sessions live in memory and end
 * with the server. The password is never logged or echoed.
 *
 * <p><b>Extending it.</b> Pages are routes in {@link #route(HttpExchange)}, each a small method
 * guarded by {@link #session(HttpExchange)} and {@link #csrfValid(HttpExchange, Session, String)}.
 * The supplier-payment scenario adds its payment upload ({@code /payments/upload}, a pain.001
 * file with the same CSRF rule) and payment status pages ({@code /payments}) there, next to the
 * statement pages, and offers their results as statements through {@link #publish(PortalStatement)}.
 */
public final class BankPortal implements AutoCloseable {
  /** The portal's one user. */
  public static final String USER = "treasury";

  static final String SESSION_COOKIE = "DEMOBANK_SESSION";
  static final String EXPECTED_PASSWORD = "Expected a portal password of at least 8 characters, but got %d";

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(4, runnable -> {
    Thread thread = new Thread(runnable, "bank-portal");
    thread.setDaemon(true);
    return thread;
  });
  private final byte[] passwordDigest;
  private final List<PortalStatement> statements = new CopyOnWriteArrayList<>();
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final AtomicBoolean outage = new AtomicBoolean();
  private final AtomicInteger downloads = new AtomicInteger();
  private final AtomicInteger outageHits = new AtomicInteger();

  private BankPortal(HttpServer server, String password) {
    this.server = server;
    this.passwordDigest = digest(password);
  }

  /** Starts the portal on 127.0.0.1 and a free port. */
  public static BankPortal start(String password, List<PortalStatement> statements) throws IOException {
    return start(password, statements, 0);
  }

  /** Starts the portal on 127.0.0.1 and {@code port} (0: a free one). */
  public static BankPortal start(String password, List<PortalStatement> statements, int port) throws IOException {
    Objects.requireNonNull(password, "password");
    if (password.length() < 8) {
      throw new IllegalArgumentException(String.format(EXPECTED_PASSWORD, password.length()));
    }
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    BankPortal portal = new BankPortal(server, password);
    statements.forEach(portal::publish);
    server.setExecutor(portal.executor);
    server.createContext("/", portal::route);
    server.start();
    return portal;
  }

  /** The base URL, e.g. {@code http://127.0.0.1:41234}. */
  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Offers one more statement (the newest is listed first). */
  public void publish(PortalStatement statement) {
    statements.add(statement);
  }

  /** Switches the maintenance outage on (every page answers 503) or off. */
  public void outage(boolean on) {
    outage.set(on);
  }

  /** How many statement files were downloaded. */
  public int downloads() {
    return downloads.get();
  }

  /** How many requests met the outage page. */
  public int outageHits() {
    return outageHits.get();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void route(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (outage.get()) {
        outageHits.incrementAndGet();
        exchange.getResponseHeaders().set("Retry-After", "120");
        page(exchange, 503, "message.html", Map.of("id", "outage", "title", "Online banking is unavailable",
            "text", "Scheduled maintenance. Please try again later."));
        return;
      }
      String path = exchange.getRequestURI().getPath();
      String method = exchange.getRequestMethod();
      if (path.equals("/") || path.equals("/login") && method.equals("GET")) {
        loginForm(exchange, "");
      } else if (path.equals("/login") && method.equals("POST")) {
        login(exchange);
      } else if (path.equals("/logout")) {
        logout(exchange);
      } else if (path.equals("/statements") && method.equals("GET")) {
        statementList(exchange);
      } else if (path.equals("/api/statements") && method.equals("GET")) {
        statementsJson(exchange);
      } else if (path.startsWith("/statements/") && path.endsWith("/download") && method.equals("GET")) {
        download(exchange, path.substring("/statements/".length(), path.length() - "/download".length()));
      } else {
        page(exchange, 404, "message.html", Map.of("id", "not-found", "title", "Not found", "text", path));
      }
    } catch (RuntimeException e) {
      // a mock must never take the server down; the robot sees a 500 page
      page(exchange, 500, "message.html", Map.of("id", "error", "title", "Internal error", "text", "Please retry."));
    }
  }

  private void loginForm(HttpExchange exchange, String error) throws IOException {
    Session session = session(exchange).orElseGet(() -> newSession(exchange));
    page(exchange, error.isEmpty() ? 200 : 401, "login.html", Map.of("csrf", session.csrf()), error.isEmpty() ? "" : "<p class=\"login-error\">" + escape(error) + "</p>");
  }

  private void login(HttpExchange exchange) throws IOException {
    Map<String, String> form = form(exchange);
    Optional<Session> session = session(exchange);
    if (session.isEmpty() || !csrfValid(exchange, session.get(), form.get("csrf"))) {
      page(exchange, 403, "message.html", Map.of("id", "forbidden", "title", "Session expired",
          "text", "The form has expired (CSRF token). Please sign in again."));
      return;
    }
    boolean userOk = USER.equals(form.get("user"));
    boolean passwordOk = MessageDigest.isEqual(passwordDigest, digest(form.getOrDefault("password", "")));
    if (!userOk || !passwordOk) {
      loginForm(exchange, "The user or the password is wrong.");
      return;
    }
    sessions.remove(session.get().id());
    Session signedIn = newSession(exchange).signIn();
    sessions.put(signedIn.id(), signedIn);
    redirect(exchange, "/statements");
  }

  private void logout(HttpExchange exchange) throws IOException {
    session(exchange).ifPresent(s -> sessions.remove(s.id()));
    redirect(exchange, "/login");
  }

  private void statementList(HttpExchange exchange) throws IOException {
    Optional<Session> session = session(exchange).filter(Session::signedIn);
    if (session.isEmpty()) {
      redirect(exchange, "/login");
      return;
    }
    page(exchange, 200, "statements.html", Map.of("csrf", session.get().csrf(), "user", USER));
  }

  private void statementsJson(HttpExchange exchange) throws IOException {
    Optional<Session> session = session(exchange).filter(Session::signedIn);
    if (session.isEmpty() || !csrfValid(exchange, session.get(), exchange.getRequestHeaders().getFirst("X-CSRF-Token"))) {
      send(exchange, 403, "application/json", "{\"error\":\"not signed in\"}".getBytes(StandardCharsets.UTF_8));
      return;
    }
    List<Map<String, Object>> list = new ArrayList<>();
    statements.stream().sorted(Comparator.comparing(PortalStatement::date).reversed()).forEach(statement -> {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", statement.id());
      row.put("date", statement.date().toString());
      row.put("iban", statement.iban());
      row.put("entries", statement.entries());
      row.put("formats", Arrays.stream(StatementFormat.values())
          .map(f -> Map.of("format", f.parameter(), "label", f.label())).toList());
      list.add(row);
    });
    send(exchange, 200, "application/json", JSON.writeValueAsBytes(list));
  }

  private void download(HttpExchange exchange, String id) throws IOException {
    Optional<Session> session = session(exchange).filter(Session::signedIn);
    Map<String, String> query = parse(exchange.getRequestURI().getRawQuery());
    if (session.isEmpty()) {
      redirect(exchange, "/login");
      return;
    }
    if (!csrfValid(exchange, session.get(), query.get("csrf"))) {
      page(exchange, 403, "message.html", Map.of("id", "forbidden", "title", "Forbidden",
          "text", "The download link has expired (CSRF token)."));
      return;
    }
    Optional<StatementFormat> format = StatementFormat.of(query.getOrDefault("format", ""));
    Optional<PortalStatement> statement = statements.stream().filter(s -> s.id().equals(id)).findFirst();
    if (format.isEmpty() || statement.isEmpty()) {
      page(exchange, 404, "message.html", Map.of("id", "not-found", "title", "No such statement", "text", id));
      return;
    }
    exchange.getResponseHeaders().set("Content-Disposition",
        "attachment; filename=\"" + format.get().fileName(statement.get().id()) + "\"");
    downloads.incrementAndGet();
    send(exchange, 200, format.get().contentType(), statement.get().file(format.get()));
  }

  private Session newSession(HttpExchange exchange) {
    Session session = new Session(token(), token(), false);
    sessions.put(session.id(), session);
    exchange.getResponseHeaders().add("Set-Cookie", SESSION_COOKIE + "=" + session.id() + "; Path=/; HttpOnly; SameSite=Strict");
    return session;
  }

  /** The caller's session, from its cookie. */
  private Optional<Session> session(HttpExchange exchange) {
    List<String> cookies = exchange.getRequestHeaders().getOrDefault("Cookie", List.of());
    for (String header : cookies) {
      for (String cookie : header.split(";")) {
        String[] pair = cookie.trim().split("=", 2);
        if (pair.length == 2 && pair[0].equals(SESSION_COOKIE)) {
          Session session = sessions.get(pair[1]);
          if (session != null) {
            return Optional.of(session);
          }
        }
      }
    }
    return Optional.empty();
  }

  private static boolean csrfValid(HttpExchange exchange, Session session, String token) {
    return token != null && MessageDigest.isEqual(session.csrf().getBytes(StandardCharsets.US_ASCII),
        token.getBytes(StandardCharsets.US_ASCII));
  }

  private static Map<String, String> form(HttpExchange exchange) throws IOException {
    try (InputStream body = exchange.getRequestBody()) {
      return parse(new String(body.readNBytes(64 * 1024), StandardCharsets.UTF_8));
    }
  }

  private static Map<String, String> parse(String encoded) {
    Map<String, String> values = new HashMap<>();
    if (encoded == null || encoded.isEmpty()) {
      return values;
    }
    for (String pair : encoded.split("&")) {
      String[] parts = pair.split("=", 2);
      values.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
          parts.length == 2 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
    }
    return values;
  }

  private static void redirect(HttpExchange exchange, String location) throws IOException {
    exchange.getResponseHeaders().set("Location", location);
    exchange.sendResponseHeaders(303, -1);
  }

  private static void page(HttpExchange exchange, int status, String name, Map<String, String> values) throws IOException {
    page(exchange, status, name, values, "");
  }

  private static void page(HttpExchange exchange, int status, String name, Map<String, String> values, String rawError)
      throws IOException {
    String html = template(name);
    for (Map.Entry<String, String> value : values.entrySet()) {
      html = html.replace("{{" + value.getKey() + "}}", escape(value.getValue()));
    }
    html = html.replace("{{error}}", rawError);
    send(exchange, status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
  }

  private static String template(String name) {
    try (InputStream in = BankPortal.class.getResourceAsStream("/bankportal/" + name)) {
      if (in == null) {
        throw new IllegalStateException("Expected the page /bankportal/" + name + " on the classpath, but it is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
  }

  private static String token() {
    byte[] bytes = new byte[18];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private static byte[] digest(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A browser session: its cookie id, its CSRF token, and whether it signed in. */
  private record Session(String id, String csrf, boolean signedIn) {
    Session signIn() {
      return new Session(id, csrf, true);
    }
  }
}
