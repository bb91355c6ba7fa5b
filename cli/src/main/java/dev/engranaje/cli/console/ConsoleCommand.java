package dev.engranaje.cli.console;

import dev.engranaje.cli.ConnectionOptions;
import dev.engranaje.cli.ExitCodes;
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
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rpa console}: the web console for any engine, served on a local port. */
@Command(name = "console", mixinStandardHelpOptions = true,
    description = {"Serve the web console (processes, instances, incidents, tasks) for the engine at --address,",
        "the embedded engine or a Camunda 8.8+ cluster, until stopped (Ctrl-C). The embedded engine also serves",
        "it itself at its own address (/console/). See docs/operations/console.md."})
public final class ConsoleCommand implements Callable<Integer> {
  static final String STARTED = "Engranaje console at %s for the engine at %s (%s). Ctrl-C to stop.%n";

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

  @Spec CommandSpec spec;

  private final CountDownLatch stopped = new CountDownLatch(1);

  @Override
  public Integer call() throws InterruptedException {
    CamundaClient client = connection.newClient();
    URI engine = client.getConfiguration().getRestAddress();
    CredentialsProvider credentials = client.getConfiguration().getCredentialsProvider();
    ConsoleServer server;
    try {
      server = ConsoleServer.start(engine, () -> headers(credentials), host, port, workspace);
    } catch (ConsoleServer.Unreachable e) {
      client.close();
      throw new UserError(e.getMessage(), ExitCodes.UNREACHABLE);
    } catch (IllegalStateException | UncheckedIOException e) {
      client.close();
      throw new UserError(e.getMessage());
    }
    Thread hook = new Thread(this::requestStop, "rpa-console-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      spec.commandLine().getOut().printf(STARTED, server.address(), engine, server.requiresLogin()
          ? "each user logs in with their engine credentials" : "no login: loopback only");
      spec.commandLine().getOut().flush();
      stopped.await();
      return 0;
    } finally {
      server.close();
      client.close();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is what stopped us
      }
    }
  }

  /** Stops as Ctrl-C does: used by the shutdown hook, and by tests. */
  void requestStop() {
    stopped.countDown();
  }

  /** The headers the client's credentials provider adds (an OAuth token is refreshed by it); none without one. */
  private static Map<String, String> headers(CredentialsProvider credentials) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (credentials == null) {
      return headers;
    }
    try {
      credentials.applyCredentials(headers::put);
    } catch (IOException e) {
      throw new UncheckedIOException("Expected the console's credentials (e.g. an OAuth token), but " + e.getMessage(), e);
    }
    return headers;
  }
}
