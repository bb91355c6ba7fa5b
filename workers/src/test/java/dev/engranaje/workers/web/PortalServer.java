package dev.engranaje.workers.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A small supplier portal on 127.0.0.1 for the web worker's tests: a login form, a home page with a
 * table, a download, an upload form, an iframe, a second window, a slow and a stale element, and
 * pages that write and show cookies and local storage. Pages are test resources under {@code
 * web/portal/}.
 */
final class PortalServer implements AutoCloseable {
  static final String USER = "clerk";
  static final byte[] STATEMENT = ("date;description;amount\n2026-11-02;INV-2026-001;1250.10\n"
      + "2026-11-15;INV-2026-002;89.90\n2026-11-20;Fee é;-4.00\n").getBytes(StandardCharsets.UTF_8);
  private static final String SESSION = "session=portal-session-1";

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(4);
  private final String password;
  private final AtomicReference<byte[]> uploaded = new AtomicReference<>();
  private final java.util.Queue<String> requests = new java.util.concurrent.ConcurrentLinkedQueue<>();

  PortalServer(String password) throws IOException {
    this.password = password;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", this::route);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Every request so far as {@code METHOD /path}, in order. */
  java.util.List<String> requests() {
    return java.util.List.copyOf(requests);
  }

  /** The bytes of the last uploaded file. */
  byte[] uploaded() {
    return uploaded.get();
  }

  private void route(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      boolean post = exchange.getRequestMethod().equals("POST");
      requests.add(exchange.getRequestMethod() + " " + path);
      switch (path) {
        case "/login" -> {
          if (post) {
            login(exchange);
          } else {
            page(exchange, 200, "login.html", Map.of());
          }
        }
        case "/home" -> {
          if (signedIn(exchange)) {
            page(exchange, 200, "home.html", Map.of("user", USER));
          } else {
            redirect(exchange, "/login");
          }
        }
        case "/statement.csv" -> download(exchange);
        case "/upload" -> upload(exchange);
        case "/frame" -> page(exchange, 200, "frame.html", Map.of());
        case "/report" -> page(exchange, 200, "report.html", Map.of());
        case "/storage" -> page(exchange, 200, "storage.html", Map.of());
        default -> page(exchange, 404, "frame.html", Map.of());
      }
    }
  }

  private void login(HttpExchange exchange) throws IOException {
    Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    if (USER.equals(form.get("user")) && password.equals(form.get("password"))) {
      exchange.getResponseHeaders().add("Set-Cookie", SESSION + "; Path=/; HttpOnly");
      redirect(exchange, "/home");
    } else {
      page(exchange, 401, "login-failed.html", Map.of("typed", form.getOrDefault("password", "")));
    }
  }

  private boolean signedIn(HttpExchange exchange) {
    return exchange.getRequestHeaders().getOrDefault("Cookie", java.util.List.of()).stream().anyMatch(c -> c.contains(SESSION));
  }

  private void download(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", "text/csv; charset=utf-8");
    exchange.getResponseHeaders().add("Content-Disposition", "attachment; filename=\"statement.csv\"");
    exchange.sendResponseHeaders(200, STATEMENT.length);
    exchange.getResponseBody().write(STATEMENT);
  }

  private void upload(HttpExchange exchange) throws IOException {
    String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
    byte[] body = exchange.getRequestBody().readAllBytes();
    byte[] file = Multipart.filePart(body, contentType);
    uploaded.set(file);
    page(exchange, 200, "uploaded.html", Map.of("size", Integer.toString(file.length)));
  }

  private static void redirect(HttpExchange exchange, String location) throws IOException {
    exchange.getResponseHeaders().add("Location", location);
    exchange.sendResponseHeaders(303, -1);
  }

  private static void page(HttpExchange exchange, int status, String name, Map<String, String> values) throws IOException {
    String html;
    try (InputStream in = PortalServer.class.getResourceAsStream("/web/portal/" + name)) {
      html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    for (Map.Entry<String, String> value : values.entrySet()) {
      html = html.replace("{{" + value.getKey() + "}}", escape(value.getValue()));
    }
    byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  private static Map<String, String> form(String body) {
    Map<String, String> fields = new HashMap<>();
    for (String pair : body.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0) {
        fields.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
      }
    }
    return fields;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  /** Just enough multipart/form-data parsing to return the first file part's bytes. */
  static final class Multipart {
    private Multipart() {}

    static byte[] filePart(byte[] body, String contentType) {
      String boundary = "--" + contentType.substring(contentType.indexOf("boundary=") + 9).replace("\"", "");
      byte[] delimiter = ("\r\n" + boundary).getBytes(StandardCharsets.ISO_8859_1);
      int start = indexOf(body, "filename=".getBytes(StandardCharsets.ISO_8859_1), 0);
      if (start < 0) {
        throw new UncheckedIOException(new IOException("no file part in the upload"));
      }
      int content = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start) + 4;
      int end = indexOf(body, delimiter, content);
      return Arrays.copyOfRange(body, content, end);
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
      outer:
      for (int i = from; i <= data.length - pattern.length; i++) {
        for (int j = 0; j < pattern.length; j++) {
          if (data[i + j] != pattern[j]) {
            continue outer;
          }
        }
        return i;
      }
      return -1;
    }
  }
}
