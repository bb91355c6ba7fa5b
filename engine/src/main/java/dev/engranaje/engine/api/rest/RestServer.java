package dev.engranaje.engine.api.rest;

import dev.engranaje.engine.gateway.EngineGateway;
import dev.engranaje.engine.history.HistorySearch;
import dev.engranaje.engine.metrics.EngineMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Objects;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Camunda-compatible REST {@code /v2} API over an {@link EngineGateway}, served by Jetty 12 on a
 * small bounded thread pool, within {@link ServerLimits}. Requests that wait (long polls, awaited
 * process instances, slow uploads) hold no thread: Jetty reads and writes asynchronously, and the
 * answer is written when the gateway's future completes. On a non-loopback address the API
 * requires credentials ({@link ApiAccess}) unless explicitly told to run open.
 */
public final class RestServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RestServer.class);

  static final String ADDRESS_IN_USE =
      "Expected to listen on %s:%d, but the address is already in use: is another engine running?"
          + " Choose another port with --port";
  static final String CANNOT_BIND = "Expected to listen on %s:%d, but could not bind it: %s";
  static final String UNKNOWN_HOST = "Expected a host name or address to listen on, but '%s' is unknown";
  static final String CREDENTIALS_REQUIRED =
      "Expected API credentials to listen on %s, which is not a loopback address, but none are configured:"
          + " set " + ApiAccess.USER_VARIABLE + " and " + ApiAccess.PASSWORD_VARIABLE
          + " in the engine's environment (clients then set CAMUNDA_BASIC_AUTH_USERNAME and"
          + " CAMUNDA_BASIC_AUTH_PASSWORD), or pass --insecure-no-auth to serve anyone who can reach it";
  static final String INSECURE_WARNING =
      "THE REST API ON {} IS OPEN TO ANYONE WHO CAN REACH IT (--insecure-no-auth): they can deploy models,"
          + " read every variable and complete any job. Set " + ApiAccess.USER_VARIABLE + " and "
          + ApiAccess.PASSWORD_VARIABLE + " instead.";

  private static final int MAX_THREADS = 16;
  private static final int MIN_THREADS = 2;

  private final Server server;
  private final ServerConnector connector;
  private final InetAddress address;

  private RestServer(Server server, ServerConnector connector, InetAddress address) {
    this.server = server;
    this.connector = connector;
    this.address = address;
  }

  /**
   * Binds to {@code host} (null means loopback) and {@code port} (0 picks a free port) with the
   * default limits and an open API (loopback only) and starts serving.
   *
   * @throws UncheckedIOException when the address cannot be bound
   */
  public static RestServer start(EngineGateway gateway, String host, int port) {
    return start(gateway, host, port, ServerLimits.DEFAULTS, ApiAccess.OPEN);
  }

  /**
   * Binds to {@code host} (null means loopback) and {@code port} (0 picks a free port) and starts
   * serving within {@code limits}.
   *
   * @throws UncheckedIOException when the address cannot be bound or resolved
   * @throws IllegalStateException when {@code host} is not a loopback address and {@code access}
   *     neither has credentials nor explicitly allows an open API
   */
  public static RestServer start(EngineGateway gateway, String host, int port, ServerLimits limits, ApiAccess access) {
    return start(gateway, null, host, port, limits, access);
  }

  /**
   * As {@link #start(EngineGateway, String, int, ServerLimits, ApiAccess)}, serving searches, gets and
   * statistics from the history store; without one (null) the few searches the gateway answers
   * from the engine state are served instead.
   */
  public static RestServer start(EngineGateway gateway, HistorySearch history, String host, int port,
      ServerLimits limits, ApiAccess access) {
    return start(gateway, history, null, host, port, limits, access);
  }

  /**
   * As {@link #start(EngineGateway, HistorySearch, String, int, ServerLimits, ApiAccess)}, serving
   * {@code GET /metrics} from {@code metrics} too (null: no metrics route).
   */
  public static RestServer start(EngineGateway gateway, HistorySearch history, EngineMetrics metrics, String host,
      int port, ServerLimits limits, ApiAccess access) {
    Objects.requireNonNull(gateway, "gateway");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(access, "access");
    InetAddress address = resolve(host);
    if (!address.isLoopbackAddress() && !access.requiresCredentials()) {
      if (!access.insecureNoAuth()) {
        throw new IllegalStateException(String.format(CREDENTIALS_REQUIRED, address.getHostAddress()));
      }
      LOG.warn(INSECURE_WARNING, address.getHostAddress());
    }
    QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, MIN_THREADS);
    threads.setName("engranaje-rest");
    threads.setDaemon(true);
    Server server = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setRequestHeaderSize(limits.maxHeaderBytes());
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    http.setIdleTimeout(limits.idleTimeout().toMillis());
    ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
    connector.setHost(address.getHostAddress());
    connector.setPort(port);
    connector.setIdleTimeout(limits.idleTimeout().toMillis());
    server.addConnector(connector);
    server.addBean(new NetworkConnectionLimit(limits.maxConnections(), connector));
    server.setErrorHandler(new ProblemErrorHandler(limits));
    ConsoleSessions sessions = new ConsoleSessions();
    Router router = new Router(limits, access, sessions);
    new TopologyRoutes(gateway).register(router);
    new HealthRoutes(gateway).register(router);
    new DeploymentRoutes(gateway).register(router);
    new DecisionRoutes(gateway).register(router);
    new ProcessInstanceRoutes(gateway).register(router);
    new RepairRoutes(gateway).register(router);
    new JobRoutes(gateway, server::isRunning).register(router);
    new MessageRoutes(gateway).register(router);
    new SignalRoutes(gateway).register(router);
    new VariableRoutes(gateway).register(router);
    new IncidentRoutes(gateway).register(router);
    if (history != null) {
      new HistoryRoutes(history).register(router);
      new BatchOperationRoutes(gateway, history).register(router);
      new AuditLogRoutes(history).register(router);
    } else {
      new SearchRoutes(gateway).register(router);
    }
    new UserTaskRoutes(gateway).register(router);
    if (metrics != null) {
      new MetricsRoutes(metrics).register(router);
    }
    server.setHandler(new ConsoleHandler(sessions, new EngineConsoleAuthority(router),
        System.getProperty("user.name", "operator"), null, router));
    server.setStopTimeout(0);
    try {
      server.start();
    } catch (Exception e) {
      stopQuietly(server);
      throw bindFailure(address, port, e);
    }
    return new RestServer(server, connector, address);
  }

  private static InetAddress resolve(String host) {
    if (host == null) {
      return InetAddress.getLoopbackAddress();
    }
    try {
      return InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      throw new UncheckedIOException(String.format(UNKNOWN_HOST, ProblemDetails.echo(host)), e);
    }
  }

  private static RuntimeException bindFailure(InetAddress address, int port, Exception e) {
    Throwable cause = e;
    while (cause != null && !(cause instanceof BindException)) {
      cause = cause.getCause();
    }
    String host = address.getHostAddress();
    if (cause != null && String.valueOf(cause.getMessage()).toLowerCase().contains("in use")) {
      return new UncheckedIOException(String.format(ADDRESS_IN_USE, host, port), (BindException) cause);
    }
    if (cause != null) {
      return new UncheckedIOException(String.format(CANNOT_BIND, host, port, cause.getMessage()), (BindException) cause);
    }
    if (e instanceof IOException io) {
      return new UncheckedIOException(String.format(CANNOT_BIND, host, port, io.getMessage()), io);
    }
    return new IllegalStateException(String.format(CANNOT_BIND, host, port, e.getMessage()), e);
  }

  /** The port actually bound (useful when started with port 0). */
  public int port() {
    return connector.getLocalPort();
  }

  /** The base address clients use, e.g. {@code http://127.0.0.1:8080}. */
  public URI address() {
    String host = address.getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return URI.create("http://" + host + ":" + port());
  }

  /** Stops accepting requests and drops those still waiting for an answer. */
  @Override
  public void close() {
    stopQuietly(server);
  }

  private static void stopQuietly(Server server) {
    try {
      server.stop();
    } catch (Exception e) {
      LOG.warn("The REST server did not stop cleanly", e);
    }
  }
}
