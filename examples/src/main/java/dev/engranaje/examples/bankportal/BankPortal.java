package dev.engranaje.examples.bankportal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.engranaje.workers.finance.pain001.Pain001Document;
import dev.engranaje.workers.finance.pain001.Pain001Exception;
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
import java.util.Set;
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
 * <p>Payments (the supplier-payment scenario):
 * <ul>
 *   <li>{@code GET /payments}: the upload form ({@code form#upload}: hidden {@code csrf}, file field
 *       {@code paymentFile}) and the list of uploads, one row {@code tr[data-message-id=MSGID]} each
 *       with its status and a link {@code a.status-report} to its pain.002.</li>
 *   <li>{@code POST /payments/upload} ({@code multipart/form-data}): checks the CSRF token, then the
 *       file ({@link PaymentFileCheck}: pain.001.001.03 or .09, valid against the official XSD,
 *       counts and sums right). A bad file is refused with {@code #upload-refused} (422) and the
 *       reasons; a second file with a message id already received with {@code #upload-duplicate}
 *       (409), as banks do. An accepted file answers the receipt page: {@code #upload-id},
 *       {@code #message-id}, {@code #received-at}.</li>
 *   <li>{@code GET /payments/ID/status?csrf=TOKEN}: the pain.002 as an attachment. Transfers to an
 *       account on the closed-accounts list ({@link #closeAccount(String)}) are rejected with AC04,
 *       the rest accepted.</li>
 * </ul>
 *
 * <p><b>Extending it.</b> Pages are routes in {@link #route(HttpExchange)}, each a small method
 * guarded by {@link #session(HttpExchange)} and {@link #csrfValid(HttpExchange, Session, String)}.
 */
public final class BankPortal implements AutoCloseable {
  /** The portal's one user. */
  public static final String USER = "treasury";

  static final String SESSION_COOKIE = "DEMOBANK_SESSION";
  static final String EXPECTED_PASSWORD = "Expected a portal password of at least 8 characters, but got %d";

  private static final int MAX_UPLOAD = 5 * 1024 * 1024;
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
  private final List<PaymentUpload> uploads = new CopyOnWriteArrayList<>();
  private final Set<String> closedAccounts = ConcurrentHashMap.newKeySet();
  private final AtomicInteger uploadAttempts = new AtomicInteger();
  private final AtomicInteger statusDownloads = new AtomicInteger();
  private final AtomicInteger uploadSequence = new AtomicInteger();

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

  /** Marks an account as closed: the bank rejects every transfer to it with AC04. */
  public void closeAccount(String iban) {
    closedAccounts.add(StatusReportWriter.compact(iban));
  }

  /** The payment files the bank accepted, oldest first. */
  public List<PaymentUpload> uploads() {
    return List.copyOf(uploads);
  }

  /** How many payment-file uploads were posted, accepted or not. */
  public int uploadAttempts() {
    return uploadAttempts.get();
  }

  /** How many status reports (pain.002) were downloaded. */
  public int statusDownloads() {
    return statusDownloads.get();
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
      } else if (path.equals("/payments") && method.equals("GET")) {
        paymentList(exchange);
      } else if (path.equals("/payments/upload") && method.equals("POST")) {
        upload(exchange);
      } else if (path.startsWith("/payments/") && path.endsWith("/status") && method.equals("GET")) {
        statusReport(exchange, path.substring("/payments/".length(), path.length() - "/status".length()));
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

  private void paymentList(HttpExchange exchange) throws IOException {
    Optional<Session> session = session(exchange).filter(Session::signedIn);
    if (session.isEmpty()) {
      redirect(exchange, "/login");
      return;
    }
    String token = session.get().csrf();
    StringBuilder rows = new StringBuilder();
    List<PaymentUpload> newestFirst = new ArrayList<>(uploads);
    java.util.Collections.reverse(newestFirst);
    for (PaymentUpload upload : newestFirst) {
      rows.append("<tr data-message-id=\"").append(escape(upload.messageId())).append("\" data-upload=\"")
          .append(escape(upload.uploadId())).append("\"><td>").append(escape(upload.receivedAt().toString()))
          .append("</td><td>").append(escape(upload.uploadId())).append("</td><td class=\"message-id\">")
          .append(escape(upload.messageId())).append("</td><td>").append(upload.transactions())
          .append("</td><td>").append(escape(upload.controlSum().toPlainString()))
          .append("</td><td class=\"status\">").append(escape(upload.status()))
          .append("</td><td><a class=\"status-report\" href=\"/payments/").append(escape(upload.uploadId()))
          .append("/status?csrf=").append(escape(token)).append("\">Status report (pain.002)</a></td></tr>\n");
    }
    String html = template("payments.html").replace("{{csrf}}", escape(token)).replace("{{user}}", escape(USER))
        .replace("{{count}}", String.valueOf(uploads.size())).replace("{{rows}}", rows.toString());
    send(exchange, 200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
  }

  private void upload(HttpExchange exchange) throws IOException {
    uploadAttempts.incrementAndGet();
    Optional<Session> session = session(exchange).filter(Session::signedIn);
    if (session.isEmpty()) {
      redirect(exchange, "/login");
      return;
    }
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readNBytes(MAX_UPLOAD + 1);
    }
    if (body.length > MAX_UPLOAD) {
      page(exchange, 413, "message.html", Map.of("id", "upload-refused", "title", "Payment file refused",
          "text", "The file is larger than " + MAX_UPLOAD / (1024 * 1024) + " MB."));
      return;
    }
    Optional<MultipartForm> form = MultipartForm.parse(exchange.getRequestHeaders().getFirst("Content-Type"), body);
    if (form.isEmpty() || !csrfValid(exchange, session.get(), form.get().fields().get("csrf"))) {
      page(exchange, 403, "message.html", Map.of("id", "forbidden", "title", "Forbidden",
          "text", "The upload form has expired (CSRF token). Please open the payments page again."));
      return;
    }
    MultipartForm.FilePart file = form.get().files().get("paymentFile");
    if (file == null || file.content().length == 0) {
      page(exchange, 422, "message.html", Map.of("id", "upload-refused", "title", "Payment file refused",
          "text", "No file was chosen (field paymentFile)."));
      return;
    }
    String name = file.fileName().isBlank() ? "payment file" : file.fileName();
    Pain001Document document;
    try {
      document = new PaymentFileCheck().check(file.content(), name);
    } catch (Pain001Exception refused) {
      page(exchange, 422, "message.html", Map.of("id", "upload-refused", "title", "Payment file refused",
          "text", String.join(" ", refused.problems())));
      return;
    }
    PaymentUpload accepted;
    synchronized (uploads) {
      if (uploads.stream().anyMatch(u -> u.messageId().equals(document.messageId()))) {
        page(exchange, 409, "message.html", Map.of("id", "upload-duplicate", "title", "Payment file refused",
            "text", "A file with message id " + document.messageId() + " was already received; the bank executes a message once."));
        return;
      }
      String uploadId = "UPL-" + String.format("%05d", uploadSequence.incrementAndGet());
      java.time.Instant now = java.time.Instant.now();
      StatusReportWriter writer = new StatusReportWriter(Set.copyOf(closedAccounts));
      int rejected = (int) document.transactions().stream().filter(writer::rejects).count();
      accepted = new PaymentUpload(uploadId, document.messageId(), name, now, document.transactions().size(),
          document.totalAmount(), rejected, writer.write(document, "STS-" + uploadId, now));
      uploads.add(accepted);
    }
    String html = template("upload-receipt.html").replace("{{uploadId}}", escape(accepted.uploadId()))
        .replace("{{messageId}}", escape(accepted.messageId())).replace("{{receivedAt}}", escape(accepted.receivedAt().toString()))
        .replace("{{transactions}}", String.valueOf(accepted.transactions()))
        .replace("{{controlSum}}", escape(accepted.controlSum().toPlainString())).replace("{{fileName}}", escape(name));
    send(exchange, 200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
  }

  private void statusReport(HttpExchange exchange, String uploadId) throws IOException {
    Optional<Session> session = session(exchange).filter(Session::signedIn);
    if (session.isEmpty()) {
      redirect(exchange, "/login");
      return;
    }
    if (!csrfValid(exchange, session.get(), parse(exchange.getRequestURI().getRawQuery()).get("csrf"))) {
      page(exchange, 403, "message.html", Map.of("id", "forbidden", "title", "Forbidden",
          "text", "The status link has expired (CSRF token)."));
      return;
    }
    Optional<PaymentUpload> upload = uploads.stream().filter(u -> u.uploadId().equals(uploadId)).findFirst();
    if (upload.isEmpty()) {
      page(exchange, 404, "message.html", Map.of("id", "not-found", "title", "No such upload", "text", uploadId));
      return;
    }
    exchange.getResponseHeaders().set("Content-Disposition",
        "attachment; filename=\"pain002-" + upload.get().messageId().replaceAll("[^A-Za-z0-9._-]", "_") + ".xml\"");
    statusDownloads.incrementAndGet();
    send(exchange, 200, "application/xml", upload.get().statusReport());
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
