package dev.engranaje.cli.console;

import dev.engranaje.cli.ConnectionOptions;
import dev.engranaje.cli.UserError;
import io.camunda.client.CamundaClient;
import io.camunda.client.CredentialsProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rpa console}: the web console for any engine, served on a local port. */
@Command(name = "console", mixinStandardHelpOptions = true,
    description = {"Serve the web console (processes, instances, incidents, tasks) for the engine at --address,",
        "the embedded engine or a Camunda 8.8+ cluster, until stopped (Ctrl-C). The embedded engine also serves",
        "it itself at its own address (/console/). See docs/operations/console.md."})
public final class ConsoleCommand implements Callable<Integer> {

  @Mixin ConnectionOptions connection;

  @Option(names = "--port", paramLabel = "N", defaultValue = "8081", description = "Port to serve the console on"
      + " (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1", description = {"Address to bind"
      + " (default: ${DEFAULT-VALUE}, loopback only). Another address is refused unless the engine asks",
      "every user for credentials."})
  String host;

  @Option(names = "--workspace", paramLabel = "DIR", description = "The workers' workspace root, so that incidents"
      + " link the evidence files the bots saved (screenshots, page sources).")
  Path workspace;

  @Override
  public Integer call() throws InterruptedException {
    CamundaClient client = connection.newClient();
    URI engine = client.getConfiguration().getRestAddress();
    CredentialsProvider credentials = client.getConfiguration().getCredentialsProvider();
    ConsoleServer server;
    try {
      server = ConsoleServer.start(engine, () -> headers(credentials), host, port, workspace);
    } catch (IllegalStateException | UncheckedIOException e) {
      client.close();
      throw new UserError(e.getMessage());
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      client.close();
      stopped.countDown();
    }, "console-shutdown"));
    System.out.printf("Engranaje console at %s for the engine at %s (%s). Ctrl-C to stop.%n", server.address(), engine,
        server.requiresLogin() ? "each user logs in with their engine credentials" : "no login: loopback only");
    stopped.await();
    return 0;
  }

  /** The headers the client's credentials provider adds (an OAuth token is refreshed by it). */
  private static Map<String, String> headers(CredentialsProvider credentials) {
    Map<String, String> headers = new LinkedHashMap<>();
    try {
      credentials.applyCredentials(headers::put);
    } catch (IOException e) {
      throw new UncheckedIOException("Expected the console's credentials (e.g. an OAuth token), but " + e.getMessage(), e);
    }
    return headers;
  }
}
