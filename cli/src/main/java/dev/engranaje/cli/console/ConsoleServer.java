package dev.engranaje.cli.console;

import dev.engranaje.engine.api.rest.ConsoleHandler;
import dev.engranaje.engine.api.rest.ConsoleSessions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The web console on a local port, for an engine elsewhere: the console's files and login served
 * here, its {@code /v2} calls forwarded ({@link EngineProxy}). Whether users log in is the engine's
 * answer to an anonymous {@code /v2/topology}: a 401 means each user logs in with their own engine
 * credentials; otherwise (an open engine, or credentials in this console's environment) nobody
 * does, and the console then listens on loopback only.
 */
public final class ConsoleServer implements AutoCloseable {

  static final String UNREACHABLE = "Expected the engine at %s to answer GET /v2/topology, but %s;"
      + " start it (rpa engine start) or point --address at it";
  static final String CREDENTIALS_REFUSED = "Expected the engine at %s to accept this console's credentials"
      + " (from the environment), but it answered HTTP %d; check CAMUNDA_BASIC_AUTH_USERNAME/PASSWORD or"
      + " CAMUNDA_CLIENT_ID/SECRET";
  static final String OPEN_BEYOND_LOOPBACK = "Expected a loopback --host for a console that needs no login, but got"
      + " %s: the engine at %s is open, or this console uses its own credentials, so anyone reaching %s could act"
      + " on the engine. Run the console on loopback, or start the engine with users (--users) so each person logs in";

  /** The engine did not answer at all (the CLI's "unreachable" exit code). */
  public static final class Unreachable extends IllegalStateException {
    Unreachable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final Server server;
  private final ServerConnector connector;
  private final boolean requiresLogin;

  private ConsoleServer(Server server, ServerConnector connector, boolean requiresLogin) {
    this.server = server;
    this.connector = connector;
    this.requiresLogin = requiresLogin;
  }

  /**
   * Starts serving.
   *
   * @param ownCredentials headers that authenticate this console itself (from the environment), empty for none
   * @param workspace the workers' workspace root whose evidence the console links, or null
   * @throws IllegalStateException when the engine does not answer, refuses the console's own
   *     credentials, or the console would be open on a non-loopback address
   */
  public static ConsoleServer start(URI engine, Supplier<Map<String, String>> ownCredentials, String host, int port,
      Path workspace) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    Map<String, String> own = ownCredentials.get();
    int status = probe(engine, own, http);
    if (status == 401 && !own.isEmpty()) {
      throw new IllegalStateException(String.format(CREDENTIALS_REFUSED, engine, status));
    }
    boolean requiresLogin = status == 401;
    InetAddress address = resolve(host);
    if (!address.isLoopbackAddress() && !requiresLogin) {
      throw new IllegalStateException(String.format(OPEN_BEYOND_LOOPBACK, host, engine, host));
    }
    QueuedThreadPool threads = new QueuedThreadPool(8, 2);
    threads.setName("engranaje-console");
    threads.setDaemon(true);
    Server server = new Server(threads);
    ServerConnector connector = new ServerConnector(server, 1, 1);
    connector.setHost(address.getHostAddress());
    connector.setPort(port);
    server.addConnector(connector);
    ConsoleSessions sessions = new ConsoleSessions();
    server.setHandler(new ConsoleHandler(sessions, new EngineLogin(engine, http, requiresLogin),
        System.getProperty("user.name", "operator"), workspace, true, new EngineProxy(engine, sessions, ownCredentials,
        http)));
    server.setStopTimeout(0);
    try {
      server.start();
    } catch (Exception e) {
      try {
        server.stop();
      } catch (Exception ignored) {
        // the start failure is what matters
      }
      throw new IllegalStateException("Expected to listen on " + host + ":" + port + ", but " + e.getMessage()
          + "; choose another --port", e);
    }
    return new ConsoleServer(server, connector, requiresLogin);
  }

  private static int probe(URI engine, Map<String, String> own, HttpClient http) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base(engine) + "/v2/topology"))
        .timeout(Duration.ofSeconds(10)).GET();
    own.forEach(request::header);
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      throw new Unreachable(String.format(UNREACHABLE, engine, e.getMessage() == null
          ? e.getClass().getSimpleName() : e.getMessage()), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unreachable(String.format(UNREACHABLE, engine, "the wait was interrupted"), e);
    }
  }

  private static InetAddress resolve(String host) {
    try {
      return host == null ? InetAddress.getLoopbackAddress() : InetAddress.getByName(host);
    } catch (IOException e) {
      throw new UncheckedIOException("Expected a host name or address to listen on, but '" + host + "' is unknown", e);
    }
  }

  static String base(URI engine) {
    String text = engine.toString();
    return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }

  /** The console's address, e.g. {@code http://127.0.0.1:8081/console/}. */
  public URI address() {
    String host = connector.getHost();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return URI.create("http://" + host + ":" + connector.getLocalPort() + "/console/");
  }

  /** Whether users log in (the engine asks for credentials). */
  public boolean requiresLogin() {
    return requiresLogin;
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("The console did not stop cleanly: " + e.getMessage(), e);
    }
  }
}
