package dev.engranaje.workers.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.engranaje.workers.api.JobWorker;
import dev.engranaje.workers.ledger.IdempotencyLedger;
import dev.engranaje.workers.secrets.Redactor;
import dev.engranaje.workers.secrets.SecretResolver;
import dev.engranaje.workers.secrets.SecretSource;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorkerBuilderStep1.JobWorkerBuilderStep3;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Serves a set of {@link JobWorker}s against an engine through the Camunda client: one client job
 * worker per job type, with its own concurrency and timeout, sharing the secrets, the workspace
 * root and the idempotency ledger.
 *
 * <p>Build with {@link #builder(CamundaClient)}, {@link #start()}, then {@link #close()} (stops
 * polling; jobs being handled finish first). Not reusable after close.
 */
public final class WorkerRuntime implements AutoCloseable {
  private final CamundaClient client;
  private final List<Registration<?, ?>> registrations;
  private final JobRunner.RuntimeServices services;
  private final List<io.camunda.client.api.worker.JobWorker> opened = new ArrayList<>();

  private WorkerRuntime(Builder builder) {
    this.client = builder.client;
    this.registrations = List.copyOf(builder.registrations);
    ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    this.services = new JobRunner.RuntimeServices(json, new SecretResolver(builder.secrets, builder.redactor),
        Objects.requireNonNull(builder.ledger, "ledger"), Objects.requireNonNull(builder.workspaceRoot, "workspaceRoot"),
        Map.copyOf(builder.areas), builder.clock, builder.observer);
  }

  public static Builder builder(CamundaClient client) {
    return new Builder(client);
  }

  /** Opens one client job worker per registered job type. */
  public synchronized WorkerRuntime start() {
    if (!opened.isEmpty()) {
      throw new IllegalStateException("Expected a runtime that was not started, but it is running");
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
        .handler(new JobRunner<>(worker, options, services))
        .name("engranaje:" + worker.jobType())
        .maxJobsActive(options.maxJobsActive())
        .timeout(options.timeout());
    if (!fetch.isEmpty()) {
      step = step.fetchVariables(fetch);
    }
    return step.open();
  }

  private static List<String> propertiesOf(Class<?> inputType) {
    if (!inputType.isRecord()) {
      return List.of();
    }
    return Arrays.stream(inputType.getRecordComponents()).map(RecordComponent::getName).toList();
  }

  /** The job types served, in registration order. */
  public List<String> jobTypes() {
    return registrations.stream().map(r -> r.worker().jobType()).toList();
  }

  /** Stops polling for new jobs; the client finishes the jobs it is handling. */
  @Override
  public synchronized void close() {
    opened.forEach(io.camunda.client.api.worker.JobWorker::close);
    opened.clear();
  }

  private record Registration<I, O>(JobWorker<I, O> worker, WorkerOptions options) {}

  /** Builder; every setting has a default except the workspace root and the ledger. */
  public static final class Builder {
    private final CamundaClient client;
    private final List<Registration<?, ?>> registrations = new ArrayList<>();
    private final Map<String, Path> areas = new LinkedHashMap<>();
    private SecretSource secrets = SecretSource.environment();
    private Redactor redactor = new Redactor();
    private IdempotencyLedger ledger;
    private Path workspaceRoot;
    private Clock clock = Clock.systemUTC();
    private JobRunner.JobObserver observer = JobRunner.JobObserver.NONE;

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

    /** Default: the process environment. */
    public Builder secrets(SecretSource source) {
      this.secrets = source;
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

    Builder observer(JobRunner.JobObserver value) {
      this.observer = value;
      return this;
    }

    public WorkerRuntime build() {
      return new WorkerRuntime(this);
    }
  }
}
