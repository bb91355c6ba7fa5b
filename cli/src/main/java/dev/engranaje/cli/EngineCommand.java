package dev.engranaje.cli;

import dev.engranaje.engine.Engine;
import dev.engranaje.engine.EngineOptions;
import dev.engranaje.engine.processing.Quarantine;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rpa engine}: run the embedded engine. */
@Command(name = "engine", mixinStandardHelpOptions = true, description = "Run the embedded Zeebe-compatible engine.",
    subcommands = EngineCommand.Start.class)
final class EngineCommand {

  /**
   * {@code rpa engine start}: runs until interrupted (Ctrl-C or SIGTERM: drains, commits and says
   * so), or until a fatal error stops the engine: then it prints what failed, on which work, and
   * exits with {@value #EXIT_FATAL} so that a supervisor restarts it.
   */
  @Command(name = "start", mixinStandardHelpOptions = true,
      description = {"Start the embedded engine and serve the Camunda REST API until stopped (Ctrl-C).",
          "State is kept in the data directory and recovered on the next start."})
  static final class Start implements Callable<Integer> {
    /** Exit code after a fatal error stopped the engine. */
    static final int EXIT_FATAL = 4;

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

    @Override
    public Integer call() throws InterruptedException {
      long jvmUp = System.nanoTime();
      EngineOptions.Builder options = EngineOptions.builder().host(host).port(port).durableCommits(!noFsync);
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
      CompletableFuture<Integer> exit = new CompletableFuture<>();
      reportQuarantine(engine);
      Thread shutdown = new Thread(() -> {
        if (!exit.isDone()) {
          System.out.println("Engranaje engine stopping...");
          engine.close();
          System.out.printf("Engranaje engine stopped (%d records committed).%n", engine.committedRecords());
          System.out.flush();
        }
        exit.complete(0);
      }, "engine-shutdown");
      Runtime.getRuntime().addShutdownHook(shutdown);
      engine.failure().thenAccept(failed -> {
        System.err.println("Engranaje engine failed: " + failed.message());
        System.err.flush();
        exit.complete(EXIT_FATAL);
      });
      long startedMillis = (System.nanoTime() - jvmUp) / 1_000_000;
      System.out.printf("Engranaje engine ready at %s (%s) in %d ms; recovered %d records. Ctrl-C to stop.%n",
          engine.restAddress(), inMemory ? "in memory" : "data in " + dataDirectory.toAbsolutePath(), startedMillis,
          engine.recovery().records());
      int code = exit.join();
      if (code != 0) {
        engine.close();
        System.err.printf("Engranaje engine stopped after a fatal error (%d records committed); exiting with %d"
            + " so that a supervisor restarts it.%n", engine.committedRecords(), code);
        System.err.flush();
        System.out.flush();
        Runtime.getRuntime().halt(code); // not exit(): the shutdown hook would wait for itself
      }
      return 0;
    }

    private static void reportQuarantine(Engine engine) {
      engine.previousFailure().ifPresent(marker -> System.out.printf(
          "The previous run stopped on a fatal error (%s) while processing %s; %d run(s) in a row.%n",
          marker.error(), marker.work(), marker.count()));
      Quarantine quarantine = engine.quarantine();
      engine.previousFailure().filter(marker -> quarantine.isQuarantined(marker.workId())).ifPresent(marker ->
          System.out.printf("Quarantining %s: it stopped the engine %d runs in a row; it will not run again.%n",
              marker.work(), marker.count()));
      // listen first, then print what happened already: a report may show twice, but never not at all
      quarantine.onQuarantined(report -> System.out.println("Quarantined: " + report));
      java.util.List<String> before = quarantine.reports();
      before.forEach(report -> System.out.println("Quarantined: " + report));
    }
  }
}
