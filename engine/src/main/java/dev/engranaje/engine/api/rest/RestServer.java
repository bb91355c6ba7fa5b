package dev.engranaje.engine.api.rest;

import com.sun.net.httpserver.HttpServer;
import dev.engranaje.engine.gateway.EngineGateway;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Camunda-compatible REST {@code /v2} API over an {@link EngineGateway}, served by the JDK's
 * HTTP server on a small bounded thread pool. Requests that wait (long polls, awaited process
 * instances) hold no thread: the answer is written when the gateway's future completes.
 */
public final class RestServer implements AutoCloseable {

  private static final int QUEUE_CAPACITY = 512;

  private final HttpServer server;
  private final ThreadPoolExecutor executor;

  private RestServer(HttpServer server, ThreadPoolExecutor executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Binds to {@code host} (null means loopback) and {@code port} (0 picks a free port) and starts
   * serving.
   *
   * @throws UncheckedIOException when the address cannot be bound
   */
  static {
    // The JDK server writes headers and body separately; with Nagle's algorithm on, the body then
    // waits for the client's delayed ACK (~40 ms per response). Must be set before the server
    // reads its configuration, which happens once per JVM.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  public static RestServer start(EngineGateway gateway, String host, int port) {
    Objects.requireNonNull(gateway, "gateway");
    InetSocketAddress address =
        host == null
            ? new InetSocketAddress(InetAddress.getLoopbackAddress(), port)
            : new InetSocketAddress(host, port);
    ThreadPoolExecutor executor = newExecutor();
    try {
      HttpServer server = HttpServer.create(address, 0);
      Router router = new Router(executor);
      new TopologyRoutes(gateway).register(router);
      new HealthRoutes(gateway).register(router);
      new DeploymentRoutes(gateway).register(router);
      new DecisionRoutes(gateway).register(router);
      new ProcessInstanceRoutes(gateway).register(router);
      new JobRoutes(gateway).register(router);
      new MessageRoutes(gateway).register(router);
      new SignalRoutes(gateway).register(router);
      new VariableRoutes(gateway).register(router);
      new IncidentRoutes(gateway).register(router);
      new SearchRoutes(gateway).register(router);
      new UserTaskRoutes(gateway).register(router);
      server.createContext("/", router);
      server.setExecutor(executor);
      server.start();
      return new RestServer(server, executor);
    } catch (IOException e) {
      executor.shutdownNow();
      throw new UncheckedIOException("Could not bind the REST API to " + address, e);
    }
  }

  /** The port actually bound (useful when started with port 0). */
  public int port() {
    return server.getAddress().getPort();
  }

  /** The base address clients use, e.g. {@code http://127.0.0.1:8080}. */
  public URI address() {
    InetSocketAddress bound = server.getAddress();
    String host = bound.getAddress().getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return URI.create("http://" + host + ":" + bound.getPort());
  }

  /** Stops accepting requests and drops those still waiting for an answer. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdown();
  }

  private static ThreadPoolExecutor newExecutor() {
    int threads = Math.max(2, Math.min(8, Runtime.getRuntime().availableProcessors()));
    AtomicInteger count = new AtomicInteger();
    ThreadFactory factory =
        runnable -> {
          Thread thread = new Thread(runnable, "engranaje-rest-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        };
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(
            threads,
            threads,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUE_CAPACITY),
            factory,
            // When saturated the submitting thread does the work, which slows intake down.
            new ThreadPoolExecutor.CallerRunsPolicy());
    executor.allowCoreThreadTimeOut(true);
    return executor;
  }
}
