package dev.engranaje.cli;

import dev.engranaje.engine.Engine;
import dev.engranaje.engine.EngineOptions;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rpa engine}: run the embedded engine. */
@Command(name = "engine", mixinStandardHelpOptions = true, description = "Run the embedded Zeebe-compatible engine.",
    subcommands = EngineCommand.Start.class)
final class EngineCommand {

  /** {@code rpa engine start}: runs until interrupted (Ctrl-C or SIGTERM). */
  @Command(name = "start", mixinStandardHelpOptions = true,
      description = {"Start the embedded engine and serve the Camunda REST API until stopped (Ctrl-C).",
          "State is kept in the data directory and recovered on the next start."})
  static final class Start implements Callable<Integer> {
    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data",
        description = "Where the engine keeps its state (default: ${DEFAULT-VALUE}).")
    Path dataDirectory;

    @Option(names = "--in-memory", description = "Keep nothing on disk: all state is lost when the engine stops.")
    boolean inMemory;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080", description = "REST port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = EngineOptions.DEFAULT_HOST,
        description = "Address to bind (default: ${DEFAULT-VALUE}, loopback only). Use 0.0.0.0 to accept remote clients.")
    String host;

    @Option(names = "--no-fsync", negatable = false,
        description = "Survive process crashes but not power loss, for more throughput (SQLite synchronous=NORMAL).")
    boolean noFsync;

    @picocli.CommandLine.ArgGroup(exclusive = false, heading = "Limits (see docs/engine/limits.md):%n")
    LimitOptions limits = new LimitOptions();

    @Override
    public Integer call() throws InterruptedException {
      long jvmUp = System.nanoTime();
      EngineOptions.Builder options;
      try {
        options = EngineOptions.builder().host(host).port(port).durableCommits(!noFsync)
            .limits((limits == null ? new LimitOptions() : limits).toLimits());
      } catch (IllegalArgumentException e) {
        throw new UserError(e.getMessage());
      }
      if (inMemory) {
        options.inMemory();
      } else {
        options.dataDirectory(dataDirectory);
      }
      Engine engine;
      try {
        engine = Engine.start(options.build());
      } catch (RuntimeException e) {
        throw new UserError("Could not start the engine: " + e.getMessage()
            + (e.getMessage() != null && e.getMessage().contains("Address already in use")
                ? " (port " + port + " is taken: stop the other process or use --port)" : ""));
      }
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        engine.close();
        stopped.countDown();
      }, "engine-shutdown"));
      long startedMillis = (System.nanoTime() - jvmUp) / 1_000_000;
      System.out.printf("Engranaje engine ready at %s (%s) in %d ms; recovered %d records. Ctrl-C to stop.%n",
          engine.restAddress(), inMemory ? "in memory" : "data in " + dataDirectory.toAbsolutePath(), startedMillis,
          engine.recovery().records());
      stopped.await();
      return 0;
    }
  }
}
