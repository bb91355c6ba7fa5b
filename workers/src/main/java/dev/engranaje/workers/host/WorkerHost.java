package dev.engranaje.workers.host;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.engranaje.workers.api.JobInfo;
import dev.engranaje.workers.api.JobWorker;
import dev.engranaje.workers.catalog.InvalidConfiguration;
import dev.engranaje.workers.catalog.WorkerCatalog;
import dev.engranaje.workers.catalog.WorkerFactory;
import dev.engranaje.workers.catalog.WorkerSettings;
import dev.engranaje.workers.ledger.SqliteIdempotencyLedger;
import dev.engranaje.workers.runtime.WorkerOptions;
import dev.engranaje.workers.runtime.WorkerRuntime;
import dev.engranaje.workers.secrets.Redactor;
import dev.engranaje.workers.secrets.SecretSource;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.Topology;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the enabled workers of a {@link WorkerCatalog} as {@code worker.yaml} says: secrets,
 * idempotency ledger, workspace, per-type options, metrics and the health endpoint around one
 * {@link WorkerRuntime}. First {@link #plan} (validates the job types and makes the workers, so the
 * caller can size the client's threads), then {@link Plan#start}, finally {@link #stop()}.
 *
 * <p>Thread-safe; {@link #stop()} may be called from a shutdown hook.
 */
public final class WorkerHost implements AutoCloseable {
  static final String UNKNOWN_JOB_TYPE =
      "Expected every job type under 'jobs' in the worker configuration to be one the catalog knows, but '%s' is"
          + " not; known job types: %s";
  static final String NOTHING_ENABLED =
      "Expected at least one enabled job type, but none is: list job types under 'jobs' or set"
          + " 'defaults.enabled: true'; known job types: %s";
  static final String EMPTY_CATALOG =
      "Expected workers on the classpath, but none is registered: list them in META-INF/services (see"
          + " docs/workers/runtime.md, 'Adding a worker')";
  static final String WRONG_WORKER = "Expected factory %s to make the worker for job type '%s', but it made one for '%s'";
  static final String NO_AREA =
      "Expected the directory of area '%s' (key 'workspace.areas.%s') to exist, but %s does not; create it or fix the path";
  static final String NO_LEDGER = "Expected to open the idempotency ledger at %s (key 'ledger.file'), but %s";
  static final String NO_SERVER = "Expected to serve health and metrics on %s:%d (key 'server.port'), but %s";
  static final String ENGINE_DOWN = "Expected the engine to answer a topology request within %d s, but %s";
  private static final Logger LOG = LoggerFactory.getLogger(WorkerHost.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int HEALTH_TIMEOUT_SECONDS = 3;

  private final WorkerHostConfig config;
  private final CamundaClient client;
  private final Redactor redactor;
  private final SqliteIdempotencyLedger ledger;
  private final WorkerRuntime runtime;
  private final HealthServer server;
  private volatile boolean stopping;

  private WorkerHost(Plan plan, CamundaClient client, Redactor redactor) {
    this.config = plan.config;
    this.client = client;
    this.redactor = redactor;
    prepareDirectories();
    HostSecrets secrets = HostSecrets.from(config, redactor, SecretSource.environment(System.getenv()));
    this.ledger = openLedger();
    JobMetrics metrics = new JobMetrics(plan.workers.keySet(), ledger);
    WorkerRuntime.Builder builder = WorkerRuntime.builder(client).secrets(secrets.source()).bindings(config.secretBindings()).redactor(redactor)
        .ledger(ledger).workspaceRoot(config.workspaceRoot()).observer(metrics);
    config.areas().forEach(builder::area);
    plan.workers.forEach((type, worker) -> builder.worker(worker, config.options(type)));
    this.runtime = builder.build();
    this.server = config.serverPort() == 0 ? null : openServer(metrics);
    runtime.start();
    LOG.info("Serving job types {}{}", runtime.jobTypes(), server == null ? ""
        : "; health and metrics on http://" + config.serverHost() + ":" + server.port() + "/health and /metrics");
  }

  /**
   * Checks the configuration against the catalog and makes the enabled workers.
   *
   * @throws InvalidConfiguration naming the unknown job type or the worker's bad settings
   */
  public static Plan plan(WorkerHostConfig config, WorkerCatalog catalog) {
    if (catalog.jobTypes().isEmpty()) {
      throw new InvalidConfiguration(EMPTY_CATALOG);
    }
    for (String type : config.jobs().keySet()) {
      if (!catalog.contains(type)) {
        throw new InvalidConfiguration(String.format(UNKNOWN_JOB_TYPE, type, catalog.jobTypes()));
      }
    }
    Map<String, JobWorker<?, ?>> workers = new LinkedHashMap<>();
    for (String type : catalog.jobTypes()) {
      if (config.enabled(type)) {
        workers.put(type, make(catalog.factory(type), config));
      }
    }
    if (workers.isEmpty()) {
      throw new InvalidConfiguration(String.format(NOTHING_ENABLED, catalog.jobTypes()));
    }
    return new Plan(config, workers);
  }

  private static JobWorker<?, ?> make(WorkerFactory factory, WorkerHostConfig config) {
    String section = factory.settingsSection();
    WorkerSettings settings = section.isEmpty() ? WorkerSettings.none(factory.jobType(), "")
        : new WorkerSettings(factory.jobType(), section, config.settings().get(section));
    JobWorker<?, ?> worker = factory.create(settings);
    if (!worker.jobType().equals(factory.jobType())) {
      throw new InvalidConfiguration(String.format(WRONG_WORKER, factory.getClass().getName(), factory.jobType(),
          worker.jobType()));
    }
    return worker;
  }

  private void prepareDirectories() {
    config.areas().forEach((name, directory) -> {
      if (!Files.isDirectory(directory)) {
        throw new InvalidConfiguration(String.format(NO_AREA, name, name, directory));
      }
    });
    try {
      Files.createDirectories(config.workspaceRoot());
    } catch (IOException e) {
      throw new InvalidConfiguration("Expected to create the workspace root " + config.workspaceRoot()
          + " (key 'workspace.root'), but " + e, e);
    }
  }

  private SqliteIdempotencyLedger openLedger() {
    try {
      Files.createDirectories(config.ledgerFile().toAbsolutePath().getParent());
      return SqliteIdempotencyLedger.open(config.ledgerFile(), Clock.systemUTC());
    } catch (IOException | RuntimeException e) {
      throw new InvalidConfiguration(String.format(NO_LEDGER, config.ledgerFile(), e.getMessage()), e);
    }
  }

  private HealthServer openServer(JobMetrics metrics) {
    try {
      if (!InetAddress.getByName(config.serverHost()).isLoopbackAddress()) {
        LOG.warn("The health and metrics endpoint binds {}, which is not loopback: it has no authentication, keep it"
            + " on a private network", config.serverHost());
      }
      return new HealthServer(config.serverHost(), config.serverPort(), this::health, metrics::scrape);
    } catch (IOException e) {
      ledger.close();
      throw new InvalidConfiguration(String.format(NO_SERVER, config.serverHost(), config.serverPort(), e), e);
    }
  }

  HealthServer.Health health() {
    Map<String, Object> body = new LinkedHashMap<>();
    int status;
    if (stopping) {
      body.put("status", "STOPPING");
      status = 503;
    } else {
      try {
        Topology topology = client.newTopologyRequest().send().join(HEALTH_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        body.put("status", "UP");
        body.put("brokers", topology.getBrokers().size());
        status = 200;
      } catch (RuntimeException e) {
        body.put("status", "DOWN");
        body.put("reason", redactor.redact(String.format(ENGINE_DOWN, HEALTH_TIMEOUT_SECONDS, describe(e))));
        status = 503;
      }
    }
    body.put("jobTypes", runtime.jobTypes());
    body.put("runningJobs", runtime.runningJobs());
    try {
      return new HealthServer.Health(status, JSON.writeValueAsString(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String describe(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  /** The port of the health and metrics endpoint, when it is on. */
  public Optional<Integer> serverPort() {
    return Optional.ofNullable(server).map(HealthServer::port);
  }

  public List<String> jobTypes() {
    return runtime.jobTypes();
  }

  /**
   * Stops gracefully: no new jobs, running ones get the configured grace period, then the endpoint
   * and (when every job finished) the ledger close. The client stays open: its owner closes it.
   *
   * @return the jobs still running when the grace period ended
   */
  public synchronized List<JobInfo> stop() throws InterruptedException {
    if (stopping) {
      return List.of();
    }
    stopping = true;
    List<JobInfo> unfinished = runtime.shutdown(config.shutdownGrace());
    if (server != null) {
      server.close();
    }
    if (unfinished.isEmpty()) {
      ledger.close();
    }
    return unfinished;
  }

  @Override
  public void close() {
    try {
      stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The workers to run, made and checked; start it with a client sized by {@link #executionThreads()}. */
  public static final class Plan {
    private final WorkerHostConfig config;
    private final Map<String, JobWorker<?, ?>> workers;

    private Plan(WorkerHostConfig config, Map<String, JobWorker<?, ?>> workers) {
      this.config = config;
      this.workers = Collections.unmodifiableMap(new LinkedHashMap<>(workers));
    }

    /** The enabled job types, sorted. */
    public List<String> jobTypes() {
      return workers.keySet().stream().sorted().toList();
    }

    /** The client job worker threads to build the client with: every type's {@code maxJobsActive}, summed. */
    public int executionThreads() {
      return workers.keySet().stream().map(config::options).mapToInt(WorkerOptions::maxJobsActive).sum();
    }

    /** Starts serving; {@code redactor} should be the one the log output masks with. */
    public WorkerHost start(CamundaClient client, Redactor redactor) {
      return new WorkerHost(this, client, redactor);
    }
  }
}
