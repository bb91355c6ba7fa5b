package dev.engranaje.workers.runtime;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.engranaje.workers.api.JobInfo;
import dev.engranaje.workers.api.JobWorker;
import dev.engranaje.workers.ledger.IdempotencyLedger;
import dev.engranaje.workers.secrets.Redactor;
import dev.engranaje.workers.secrets.SecretBindings;
import dev.engranaje.workers.secrets.SecretResolver;
import dev.engranaje.workers.secrets.SecretSource;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorkerBuilderStep1.JobWorkerBuilderStep3;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a set of {@link JobWorker}s against an engine through the Camunda client: one client job
 * worker per job type, with its own concurrency and timeout, sharing the secrets, the workspace
 * root and the idempotency ledger.
 *
 * <p>Build with {@link #builder(CamundaClient)}, {@link #start()}, then {@link #shutdown(Duration)}
 * or {@link #close()}. Not reusable after shutdown.
 *
 * <p>Shutdown semantics: the client job workers stop activating jobs at once; jobs being handled
 * run to their end (complete, error or fail) within the grace period; a job the client delivers
 * after shutdown began (from an activation request still in flight) is handed back untouched with
 * its retries unchanged, so another worker gets it at once. Jobs still running when the grace
 * period ends are left alone: the engine offers them again after their job timeout. They are not
 * failed back, because their handler may still be acting and a second worker would then act
 * concurrently; the idempotency ledger keeps a side effect cut short from being repeated blindly.
 *
 * <p>Concurrency: each job type runs at most {@code maxJobsActive} jobs at once, but the client's
 * job worker threads are shared: build the client with at least {@link #executionThreads()}
 * threads ({@code CamundaClientBuilder.numJobWorkerExecutionThreads}), else activated jobs queue
 * behind each other and may time out.
 */
public final class WorkerRuntime implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WorkerRuntime.class);

  private final CamundaClient client;
  private final List<Registration<?, ?>> registrations;
  private final JobRunner.RuntimeServices services;
  private final List<io.camunda.client.api.worker.JobWorker> opened = new ArrayList<>();
  private final RunningJobs running = new RunningJobs();

  private WorkerRuntime(Builder builder) {
    this.client = builder.client;
    this.registrations = List.copyOf(builder.registrations);
    ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    this.services = new JobRunner.RuntimeServices(json, new SecretResolver(builder.secrets, builder.redactor, builder.bindings),
        Objects.requireNonNull(builder.ledger, "ledger"), Objects.requireNonNull(builder.workspaceRoot, "workspaceRoot"),
        Map.copyOf(builder.areas), builder.clock, builder.observer, running, new CamundaEngineQueries(builder.client, json));
  }

  public static Builder builder(CamundaClient client) {
    return new Builder(client);
  }

  /** Opens one client job worker per registered job type. */
  public synchronized WorkerRuntime start() {
    if (!opened.isEmpty() || !running.isAccepting()) {
      throw new IllegalStateException("Expected a runtime that was never started, but it was started before");
    }
    for (Registration<?, ?> registration : registrations) {
      opened.add(open(registration));
    }
    return this;
  }

  private <I, O> io.camunda.client.api.worker.JobWorker open(Registration<I, O> registration) {
    JobWorker<I, O> worker = registration.worker();
    WorkerOptions options = registration.options();
    List<String> fetch = options.fetchVariables().isEmpty() ? propertiesOf(worker.inputType()) : options.fetchVariables();
    JobWorkerBuilderStep3 step = client.newWorker()
        .jobType(worker.jobType())
        .handler(runner(registration))
        .name("engranaje:" + worker.jobType())
        .maxJobsActive(options.maxJobsActive())
        .timeout(options.timeout());
    if (!fetch.isEmpty()) {
      step = step.fetchVariables(fetch);
    }
    return step.open();
  }

  // An empty list fetches every variable: for a class input, and for a record collecting the
  // variables it does not name in a @JsonAnySetter component (the settings loader needs them all).
  private static List<String> propertiesOf(Class<?> inputType) {
    if (!inputType.isRecord() || Arrays.stream(inputType.getDeclaredFields())
        .anyMatch(field -> field.isAnnotationPresent(JsonAnySetter.class))) {
      return List.of();
    }
    return Arrays.stream(inputType.getRecordComponents()).map(RecordComponent::getName).toList();
  }

  /**
   * The handler that runs a registered job type's worker with this runtime's secrets, workspace,
   * ledger and failure handling, for a harness that activates jobs itself instead of opening client
   * job workers: the process-test kit's {@code engine.worker(type, runtime.handler(type))}. Works
   * without {@link #start()}.
   */
  public io.camunda.client.api.worker.JobHandler handler(String jobType) {
    return registrations.stream().filter(r -> r.worker().jobType().equals(jobType)).findFirst()
        .map(this::runner)
        .orElseThrow(() -> new IllegalArgumentException("Expected a registered worker for job type '" + jobType
            + "', but the runtime serves " + jobTypes()));
  }

  private <I, O> JobRunner<I, O> runner(Registration<I, O> registration) {
    return new JobRunner<>(registration.worker(), registration.options(), services);
  }

  /** The job types served, in registration order. */
  public List<String> jobTypes() {
    return registrations.stream().map(r -> r.worker().jobType()).toList();
  }

  /** The client job worker threads needed so that every job type can run its {@code maxJobsActive} jobs at once. */
  public int executionThreads() {
    return registrations.stream().mapToInt(r -> r.options().maxJobsActive()).sum();
  }

  /** True once {@link #shutdown(Duration)} (or {@link #close()}) began. */
  public boolean isStopping() {
    return !running.isAccepting();
  }

  /** How many jobs are being handled right now. */
  public int runningJobs() {
    return running.count();
  }

  /**
   * Stops activating jobs and waits up to {@code grace} for the running ones to end (see the class
   * comment for what happens to the others).
   *
   * @return the jobs still running when the grace period ended; empty when all finished
   */
  public List<JobInfo> shutdown(Duration grace) throws InterruptedException {
    synchronized (this) {
      running.stopAccepting();
      opened.forEach(io.camunda.client.api.worker.JobWorker::close);
      opened.clear();
    }
    LOG.info("Stopped activating jobs; waiting up to {} for {} running job(s) to finish", grace, running.count());
    List<JobInfo> unfinished = running.awaitIdle(grace);
    if (unfinished.isEmpty()) {
      LOG.info("All running jobs finished");
    } else {
      LOG.warn("{} job(s) still running after the grace period of {}: job keys {}; the engine offers them again"
          + " after their job timeout", unfinished.size(), grace,
          unfinished.stream().map(JobInfo::jobKey).toList());
    }
    return unfinished;
  }

  /** Stops activating jobs without waiting; jobs being handled still run to their end. */
  @Override
  public void close() {
    try {
      shutdown(Duration.ZERO);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private record Registration<I, O>(JobWorker<I, O> worker, WorkerOptions options) {}

  /** Builder; every setting has a default except the workspace root and the ledger. */
  public static final class Builder {
    private final CamundaClient client;
    private final List<Registration<?, ?>> registrations = new ArrayList<>();
    private final Map<String, Path> areas = new LinkedHashMap<>();
    private SecretSource secrets = SecretSource.environment(System.getenv());
    private SecretBindings bindings = SecretBindings.NONE;
    private Redactor redactor = new Redactor();
    private IdempotencyLedger ledger;
    private Path workspaceRoot;
    private Clock clock = Clock.systemUTC();
    private JobObserver observer = JobObserver.NONE;

    private Builder(CamundaClient client) {
      this.client = Objects.requireNonNull(client, "client");
    }

    public Builder worker(JobWorker<?, ?> worker) {
      return worker(worker, WorkerOptions.DEFAULT);
    }

    public Builder worker(JobWorker<?, ?> worker, WorkerOptions options) {
      String type = worker.jobType();
      if (registrations.stream().anyMatch(r -> r.worker().jobType().equals(type))) {
        throw new IllegalArgumentException("Expected one worker per job type, but '" + type + "' is registered twice");
      }
      registrations.add(new Registration<>(worker, options));
      return this;
    }

    /** Default: the process environment's {@code RPA_SECRET_*} variables. */
    public Builder secrets(SecretSource source) {
      this.secrets = source;
      return this;
    }

    /** Default: none, every secret may go wherever a job sends it. */
    public Builder bindings(SecretBindings value) {
      this.bindings = value;
      return this;
    }

    /** Default: a new one; pass the one the log output uses so logs are masked too. */
    public Builder redactor(Redactor value) {
      this.redactor = value;
      return this;
    }

    public Builder ledger(IdempotencyLedger value) {
      this.ledger = value;
      return this;
    }

    public Builder workspaceRoot(Path value) {
      this.workspaceRoot = value;
      return this;
    }

    /** A named folder outside the instance workspaces, referenced as {@code name:relative/path}. */
    public Builder area(String name, Path directory) {
      areas.put(name, directory);
      return this;
    }

    /** Default: the system UTC clock. */
    public Builder clock(Clock value) {
      this.clock = value;
      return this;
    }

    /** Default: none. Notified around every job, e.g. for metrics. */
    public Builder observer(JobObserver value) {
      this.observer = value;
      return this;
    }

    public WorkerRuntime build() {
      return new WorkerRuntime(this);
    }
  }
}
