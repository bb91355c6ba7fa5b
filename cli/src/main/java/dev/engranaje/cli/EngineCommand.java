package dev.engranaje.cli;

import dev.engranaje.engine.Engine;
import dev.engranaje.engine.EngineOptions;
import dev.engranaje.engine.alert.IncidentWebhook;
import dev.engranaje.engine.api.rest.ApiAccess;
import dev.engranaje.engine.api.rest.ApiUsers;
import dev.engranaje.engine.api.rest.ServerLimits;
import dev.engranaje.engine.processing.Quarantine;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
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
        description = {"Address to bind (default: ${DEFAULT-VALUE}, loopback only). Use 0.0.0.0 to accept remote clients:",
            "then set " + ApiAccess.USER_VARIABLE + " and " + ApiAccess.PASSWORD_VARIABLE
                + " in the environment (HTTP basic authentication), or pass --insecure-no-auth."})
    String host;

    @Option(names = "--users", paramLabel = "FILE",
        description = {"YAML file of API users with password hashes, groups and roles (see docs/security.md;",
            "'rpa users hash-password' makes the hash lines). Every request then needs HTTP basic authentication."})
    Path usersFile;

    @Option(names = "--insecure-no-auth", negatable = false,
        description = "Serve the API without authentication on a non-loopback --host. Anyone who can reach it can"
            + " deploy models and read every variable.")
    boolean insecureNoAuth;

    @Option(names = ServerLimits.MAX_REQUEST_BODY_OPTION, paramLabel = "SIZE", converter = ByteSize.class,
        description = "Largest JSON request body, e.g. 16MB (default: 8MB; the engine's own 4 MB variables limit"
            + " applies within it).")
    Long maxRequestBody;

    @Option(names = ServerLimits.MAX_DEPLOYMENT_BODY_OPTION, paramLabel = "SIZE", converter = ByteSize.class,
        description = "Largest deployment (multipart) body (default: 16MB).")
    Long maxDeploymentBody;

    @Option(names = ServerLimits.MAX_HEADER_SIZE_OPTION, paramLabel = "SIZE", converter = ByteSize.class,
        description = "Largest request line plus headers (default: 8KB).")
    Long maxHeaderSize;

    @Option(names = ServerLimits.IDLE_TIMEOUT_OPTION, paramLabel = "SECONDS",
        description = "Close a connection that sends nothing for this long (default: 30; long polls are exempt).")
    Integer idleTimeoutSeconds;

    @Option(names = ServerLimits.READ_TIMEOUT_OPTION, paramLabel = "SECONDS",
        description = "Cut off a client that takes longer to send a whole request body (default: 30).")
    Integer readTimeoutSeconds;

    @Option(names = ServerLimits.MAX_CONNECTIONS_OPTION, paramLabel = "N",
        description = "Open connections at most; more wait to be accepted (default: 512).")
    Integer maxConnections;

    @Option(names = ServerLimits.MAX_BUFFERED_BODY_OPTION, paramLabel = "SIZE", converter = ByteSize.class,
        description = "Memory all request bodies being read may hold together; more are answered 503 (default: 256MB).")
    Long maxRequestMemory;

    @Option(names = "--no-fsync", negatable = false,
        description = "Survive process crashes but not power loss, for more throughput (SQLite synchronous=NORMAL).")
    boolean noFsync;

    @Option(names = "--incident-webhook", paramLabel = "URL",
        description = "POST every new incident as JSON to URL, retried with backoff until taken (see"
            + " docs/engine/operations.md, \"Incident alerts\"); a bearer token is read from "
            + IncidentWebhookOptions.TOKEN_VARIABLE + ".")
    URI incidentWebhook;

    @Option(names = "--history-retention", paramLabel = "AGE", converter = RetentionPeriod.class,
        defaultValue = "30d", description = "Keep finished process instances in the history this long after they"
            + " ended, then remove them with their variables, incidents and jobs: 30d, 12h, 90m or ISO-8601 such as"
            + " P30D (default: ${DEFAULT-VALUE}).")
    java.time.Duration historyRetention;

    @picocli.CommandLine.ArgGroup(exclusive = false, heading = "Limits (see docs/engine/limits.md):%n")
    LimitOptions limits = new LimitOptions();

    @Override
    public Integer call() throws InterruptedException {
      long jvmUp = System.nanoTime();
      EngineOptions.Builder options;
      try {
        options = EngineOptions.builder().host(host).port(port).durableCommits(!noFsync)
            .limits((limits == null ? new LimitOptions() : limits).toLimits())
            .serverLimits(serverLimits()).historyRetention(historyRetention);
        ApiAccess access = ApiAccess.fromEnvironment(System.getenv(), insecureNoAuth);
        options.apiAccess(usersFile == null ? access : access.withUsers(ApiUsers.load(usersFile)));
      } catch (IllegalArgumentException e) {
        throw new UserError(e.getMessage());
      }
      if (insecureNoAuth) {
        System.err.println("WARNING: --insecure-no-auth: the REST API on " + host + " accepts requests from anyone who"
            + " can reach it (deploy models, read variables, complete jobs). Set " + ApiAccess.USER_VARIABLE + " and "
            + ApiAccess.PASSWORD_VARIABLE + " instead.");
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
        throw new UserError("Could not start the engine: " + e.getMessage());
      }
      IncidentWebhook alerts;
      try {
        alerts = IncidentWebhookOptions.start(incidentWebhook, engine, inMemory ? null : dataDirectory, System.getenv());
      } catch (IllegalArgumentException e) {
        engine.close();
        throw new UserError(e.getMessage());
      }
      CompletableFuture<Integer> exit = new CompletableFuture<>();
      reportQuarantine(engine);
      Thread shutdown = new Thread(() -> {
        if (!exit.isDone()) {
          System.out.println("Engranaje engine stopping...");
          if (alerts != null) {
            alerts.close();
          }
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

    private ServerLimits serverLimits() {
      ServerLimits defaults = ServerLimits.DEFAULTS;
      ServerLimits limits;
      try {
        // built at once: the limits are checked against each other
        limits = new ServerLimits(
            maxRequestBody != null ? maxRequestBody : defaults.maxRequestBodyBytes(),
            maxDeploymentBody != null ? maxDeploymentBody : defaults.maxDeploymentBodyBytes(),
            maxHeaderSize != null ? (int) Math.min(Integer.MAX_VALUE, maxHeaderSize) : defaults.maxHeaderBytes(),
            idleTimeoutSeconds != null ? Duration.ofSeconds(idleTimeoutSeconds) : defaults.idleTimeout(),
            readTimeoutSeconds != null ? Duration.ofSeconds(readTimeoutSeconds) : defaults.readTimeout(),
            maxConnections != null ? maxConnections : defaults.maxConnections(),
            maxRequestMemory != null ? maxRequestMemory : defaults.maxBufferedBodyBytes());
      } catch (IllegalArgumentException e) {
        throw new UserError(e.getMessage());
      }
      return limits;
    }
  }

  /** A byte size such as {@code 4194304}, {@code 512KB}, {@code 4MB} or {@code 1GB} (binary units). */
  static final class ByteSize implements picocli.CommandLine.ITypeConverter<Long> {
    static final String INVALID = "Expected a size such as 4194304, 512KB, 4MB or 1GB, but got '%s'";

    @Override
    public Long convert(String value) {
      String text = value.trim().toUpperCase(java.util.Locale.ROOT).replace("IB", "B");
      long unit = 1;
      if (text.endsWith("KB")) {
        unit = 1024;
      } else if (text.endsWith("MB")) {
        unit = 1024 * 1024;
      } else if (text.endsWith("GB")) {
        unit = 1024L * 1024 * 1024;
      }
      String digits = unit == 1 ? (text.endsWith("B") ? text.substring(0, text.length() - 1) : text)
          : text.substring(0, text.length() - 2);
      try {
        return Math.multiplyExact(Long.parseLong(digits.trim()), unit);
      } catch (NumberFormatException | ArithmeticException e) {
        throw new picocli.CommandLine.TypeConversionException(String.format(INVALID, value));
      }
    }
  }

  /** A retention period: a number with d, h, m or s ({@code 30d}), or ISO-8601 ({@code P30D}, {@code PT12H}). */
  static final class RetentionPeriod implements picocli.CommandLine.ITypeConverter<java.time.Duration> {
    @Override
    public java.time.Duration convert(String text) {
      String value = text.trim().toLowerCase(java.util.Locale.ROOT);
      try {
        if (value.startsWith("p")) {
          return java.time.Duration.parse(value.toUpperCase(java.util.Locale.ROOT));
        }
        long amount = Long.parseLong(value.substring(0, value.length() - 1));
        return switch (value.charAt(value.length() - 1)) {
          case 'd' -> java.time.Duration.ofDays(amount);
          case 'h' -> java.time.Duration.ofHours(amount);
          case 'm' -> java.time.Duration.ofMinutes(amount);
          case 's' -> java.time.Duration.ofSeconds(amount);
          default -> throw new NumberFormatException(text);
        };
      } catch (RuntimeException e) {
        throw new picocli.CommandLine.TypeConversionException("Expected a retention such as 30d, 12h, 90m or P30D,"
            + " but got '" + text + "'");
      }
    }
  }
}
