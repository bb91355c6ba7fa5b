package dev.engranaje.test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.engranaje.engine.Engine;
import dev.engranaje.engine.EngineActivity;
import dev.engranaje.engine.EngineOptions;
import dev.engranaje.engine.model.BpmnElementType;
import dev.engranaje.engine.record.ProcessInstanceIntent;
import dev.engranaje.engine.record.ProcessInstanceRecord;
import dev.engranaje.engine.record.Record;
import dev.engranaje.engine.record.UserTaskIntent;
import dev.engranaje.engine.record.UserTaskRecord;
import dev.engranaje.engine.record.ValueType;
import dev.engranaje.engine.time.ControlledClock;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.command.DeployResourceCommandStep1;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.Variable;
import io.camunda.client.api.worker.JobHandler;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * An in-memory embedded engine for process tests, the official client on its REST API, a
 * controlled clock, and the mocks and workers that answer its jobs. {@link ProcessTest} creates one
 * per test class; {@link #start(boolean, Instant)} creates one by hand (close it after use).
 *
 * <p>Jobs are answered on the calling thread while it waits for the engine to be idle: the engine
 * is idle when everything sent to it is processed and stored, no time-based work is due, and no job
 * of a mocked or worker-served type is waiting. Waiting assertions (such as "is completed") that are
 * not met once the engine is idle move the clock to the next timer of a running instance and wait
 * again (automatic time skipping), so a three-day timer passes in milliseconds.
 */
public final class ProcessTestEngine implements AutoCloseable {
  /** How long the engine may stay busy before a wait fails: generous, a wait returns as soon as it is idle. */
  private static final Duration BUSY_LIMIT = Duration.ofSeconds(60);
  /** Protects against a model whose timers fire forever without reaching what a test waits for. */
  private static final int MAX_TIME_SKIPS = 1_000;
  private static final Duration JOB_TIMEOUT = Duration.ofMinutes(5);

  private final ControlledClock clock;
  private final Engine engine;
  private final CamundaClient client;
  private final ProcessRecords records = new ProcessRecords();
  private final Map<String, JobMock> mocks = new ConcurrentHashMap<>();
  private final Map<String, JobHandler> workers = new ConcurrentHashMap<>();
  private final boolean autoTimeSkipping;
  private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private ProcessTestEngine(boolean autoTimeSkipping, Instant startAt) {
    this.autoTimeSkipping = autoTimeSkipping;
    this.clock = new ControlledClock(startAt);
    this.engine = Engine.start(EngineOptions.builder().inMemory().port(0).clock(clock).build());
    engine.addExporter(records);
    this.client = CamundaClient.newClientBuilder().restAddress(engine.restAddress()).grpcAddress(engine.restAddress())
        .preferRestOverGrpc(true).build();
  }

  /**
   * Starts an engine on an ephemeral loopback port.
   *
   * @param autoTimeSkipping whether waiting assertions skip to the next timer (see the class comment)
   * @param startAt where the engine clock starts
   */
  public static ProcessTestEngine start(boolean autoTimeSkipping, Instant startAt) {
    return new ProcessTestEngine(autoTimeSkipping, Objects.requireNonNull(startAt, "startAt"));
  }

  /** The official client, pointed at this engine's REST API. */
  public CamundaClient client() {
    return client;
  }

  /** The engine's clock; prefer {@link #advance(Duration)}, which also waits for what the move made due. */
  public ControlledClock clock() {
    return clock;
  }

  /** The engine clock's time now. */
  public Instant now() {
    return clock.instant();
  }

  /** Every record the engine committed. */
  public ProcessRecords records() {
    return records;
  }

  /** A fresh id such as {@code order-3f9a1c2e}, for process ids, message names and correlation keys. */
  public static String uniqueId(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  // --- deploying and starting -----------------------------------------------------------------

  /** Deploys models and forms from the classpath (e.g. {@code processes/bank-reconciliation.bpmn}) in one deployment. */
  public DeploymentEvent deployResources(String... classpathResources) {
    DeployResourceCommandStep1 command = client.newDeployResourceCommand();
    DeployResourceCommandStep1.DeployResourceCommandStep2 step = null;
    for (String resource : classpathResources) {
      step = (step == null ? command : step).addResourceBytes(classpathBytes(resource), Path.of(resource).getFileName().toString());
    }
    return requireSome(step, "classpath resources").send().join();
  }

  /** Deploys model and form files in one deployment. */
  public DeploymentEvent deploy(Path... files) {
    DeployResourceCommandStep1 command = client.newDeployResourceCommand();
    DeployResourceCommandStep1.DeployResourceCommandStep2 step = null;
    for (Path file : files) {
      step = (step == null ? command : step).addResourceFile(file.toString());
    }
    return requireSome(step, "files").send().join();
  }

  /** Deploys a model built with {@code Bpmn.createExecutableProcess(...)}. */
  public DeploymentEvent deploy(BpmnModelInstance model) {
    return client.newDeployResourceCommand().addProcessModel(model, "process.bpmn").send().join();
  }

  private static <T> T requireSome(T step, String what) {
    if (step == null) {
      throw new IllegalArgumentException("Expected at least one resource to deploy, but got no " + what);
    }
    return step;
  }

  private static byte[] classpathBytes(String resource) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("Expected the resource '" + resource + "' on the classpath, but it is not there");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the resource '" + resource + "'", e);
    }
  }

  /** Starts the latest version of a process with variables. */
  public ProcessInstance startInstance(String processId, Map<String, ?> variables) {
    long key = client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion()
        .variables(withNulls(variables)).send().join().getProcessInstanceKey();
    return new ProcessInstance(key, this);
  }

  public ProcessInstance startInstance(String processId) {
    return startInstance(processId, Map.of());
  }

  /**
   * Starts a process through its message start event: publishes the message (kept for no time, so it
   * starts an instance now or not at all), waits until the engine is idle and returns the instance the
   * message started. Use a correlation key of its own per instance: Zeebe starts only one running
   * instance per key.
   */
  public ProcessInstance startInstanceByMessage(String processId, String messageName, String correlationKey,
      Map<String, ?> variables) {
    Set<Long> before = rootInstances(processId);
    client.newPublishMessageCommand().messageName(messageName).correlationKey(correlationKey)
        .timeToLive(Duration.ZERO).variables(withNulls(variables)).send().join();
    awaitIdle();
    Set<Long> started = rootInstances(processId);
    started.removeAll(before);
    if (started.size() != 1) {
      throw new AssertionError("Expected message '" + messageName + "' (correlation key '" + correlationKey
          + "') to start one instance of '" + processId + "', but it started " + started.size());
    }
    return new ProcessInstance(started.iterator().next(), this);
  }

  private Set<Long> rootInstances(String processId) {
    Set<Long> keys = new HashSet<>();
    for (Record record : records.matching(r -> r.valueType() == ValueType.PROCESS_INSTANCE
        && r.intent() == ProcessInstanceIntent.ELEMENT_ACTIVATED)) {
      ProcessInstanceRecord value = (ProcessInstanceRecord) record.value();
      if (value.bpmnElementType() == BpmnElementType.PROCESS && value.bpmnProcessId().equals(processId)) {
        keys.add(value.processInstanceKey());
      }
    }
    return keys;
  }

  /** An instance created some other way (the client, a message or timer start event). */
  public ProcessInstance instance(long processInstanceKey) {
    return new ProcessInstance(processInstanceKey, this);
  }

  // --- workers ----------------------------------------------------------------------------------

  /** A mock for a job type, replacing any mock or worker of that type; configure its answers on it. */
  public JobMock mock(String jobType) {
    workers.remove(jobType);
    JobMock mock = new JobMock(jobType);
    mocks.put(jobType, mock);
    return mock;
  }

  /**
   * A real handler for a job type (e.g. one of the project's workers), replacing any mock of it. As
   * with a client worker without auto-completion, the handler completes, fails or throws an error on
   * the job itself; an exception it throws fails the job with one retry fewer and its message.
   */
  public void worker(String jobType, JobHandler handler) {
    mocks.remove(jobType);
    workers.put(jobType, Objects.requireNonNull(handler, "handler"));
  }

  /**
   * Activates exactly one job of a type by hand, once the engine is idle, for tests that drive a job
   * themselves (complete, fail or throw through the client); fails when none or several are waiting.
   */
  public ActivatedJob activateJob(String type) {
    List<ActivatedJob> jobs = activateJobs(type, 2);
    if (jobs.size() != 1) {
      throw new AssertionError("Expected exactly one activatable job of type '" + type + "', but found " + jobs.size());
    }
    return jobs.get(0);
  }

  /** Activates up to {@code max} waiting jobs of a type by hand, once the engine is idle; empty when none wait. */
  public List<ActivatedJob> activateJobs(String type, int max) {
    EngineActivity idle = settle();
    if (!idle.activatableJobs().containsKey(type)) {
      return List.of();
    }
    return client.newActivateJobsCommand().jobType(type).maxJobsToActivate(max).timeout(JOB_TIMEOUT)
        .requestTimeout(Duration.ofSeconds(1)).send().join().getJobs();
  }

  /** The incidents of an instance, active and resolved, as the client's search returns them, once the engine is idle. */
  public List<Incident> incidents(long processInstanceKey) {
    awaitIdle();
    return client.newIncidentSearchRequest().filter(f -> f.processInstanceKey(processInstanceKey)).send().join().items();
  }

  /**
   * The variables stored on one scope (the instance key, or a live element instance's key) as the
   * client's variable search returns them, by name with JSON values parsed, once the engine is idle.
   */
  public Map<String, Object> scopeVariables(long scopeKey) {
    awaitIdle();
    Map<String, Object> values = new LinkedHashMap<>();
    for (Variable variable : client.newVariableSearchRequest().filter(f -> f.scopeKey(scopeKey)).send().join().items()) {
      values.put(variable.getName(), jsonValue(variable.getValue()));
    }
    return values;
  }

  // --- driving ----------------------------------------------------------------------------------

  /** Publishes a message (with the client's default time to live, as a worker would), then waits until the engine is idle. */
  public void publishMessage(String name, String correlationKey, Map<String, ?> variables) {
    client.newPublishMessageCommand().messageName(name).correlationKey(correlationKey)
        .variables(withNulls(variables)).send().join();
    awaitIdle();
  }

  /**
   * Completes the active user task of an element, waiting for it to be created; with a user, it is
   * first assigned to that user, as the tasklist does when someone claims it.
   *
   * @return the completed task's key
   */
  public long completeUserTask(ProcessInstance instance, String elementId, Map<String, ?> variables, String user) {
    UserTaskRecord task = activeUserTask(instance, elementId).orElseThrow(() -> new AssertionError(
        "Expected a user task '" + elementId + "' to be active in " + instance + ", but none is\n" + instance.recordLog()));
    if (user != null && !user.equals(task.assignee())) {
      client.newAssignUserTaskCommand(task.userTaskKey()).assignee(user).send().join();
    }
    client.newCompleteUserTaskCommand(task.userTaskKey()).variables(withNulls(variables)).send().join();
    awaitIdle();
    return task.userTaskKey();
  }

  public long completeUserTask(ProcessInstance instance, String elementId, Map<String, ?> variables) {
    return completeUserTask(instance, elementId, variables, null);
  }

  /** The user task of an element that is created and not completed or cancelled, after the engine is idle. */
  public Optional<UserTaskRecord> activeUserTask(ProcessInstance instance, String elementId) {
    awaitIdle();
    Map<Long, UserTaskRecord> open = new LinkedHashMap<>();
    for (Record record : records.eventsOf(instance.key())) {
      if (record.valueType() == ValueType.USER_TASK && ((UserTaskRecord) record.value()).elementId().equals(elementId)) {
        UserTaskRecord task = (UserTaskRecord) record.value();
        if (record.intent() == UserTaskIntent.COMPLETED || record.intent() == UserTaskIntent.CANCELED) {
          open.remove(task.userTaskKey());
        } else if (record.intent() != UserTaskIntent.CREATING) {
          open.put(task.userTaskKey(), task);
        }
      }
    }
    return open.values().stream().reduce((first, second) -> second);
  }

  /**
   * Waits until the engine is idle (so the instances reach their timers first), moves the clock on
   * by a duration, then waits until what became due has run.
   */
  public void advance(Duration duration) {
    awaitIdle();
    clock.advance(duration);
    awaitIdle();
  }

  /**
   * Waits until the engine is idle: everything sent to it processed and stored, no time-based work
   * due, and no job waiting that a mock or worker of this engine serves (they answer it meanwhile).
   * Never moves the clock.
   */
  public void awaitIdle() {
    settle();
  }

  /**
   * Waits until a condition holds; each time the engine is idle and it does not, moves the clock to
   * the next timer of a running instance (when automatic time skipping is on).
   *
   * @return whether the condition holds; false once the engine is idle, the condition unmet and no
   *     timer is left to skip to
   */
  boolean awaitCondition(BooleanSupplier condition) {
    for (int skips = 0; ; skips++) {
      EngineActivity idle = settle();
      if (condition.getAsBoolean()) {
        return true;
      }
      if (!autoTimeSkipping || skips >= MAX_TIME_SKIPS || idle.nextInstanceTimer().isEmpty()) {
        return false;
      }
      Instant next = idle.nextInstanceTimer().get();
      if (next.isAfter(clock.instant())) {
        clock.set(next);
      }
    }
  }

  private EngineActivity settle() {
    long deadline = System.nanoTime() + BUSY_LIMIT.toNanos();
    while (true) {
      EngineActivity activity = engine.activity().join();
      boolean served = serveJobs(activity);
      if (!served && !activity.dueWorkPending()) {
        return activity;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Expected the engine to become idle within " + BUSY_LIMIT.toSeconds()
            + " s, but it kept working: " + activity);
      }
    }
  }

  /** Activates and answers the waiting jobs of served types; true when it answered any. */
  private boolean serveJobs(EngineActivity activity) {
    boolean served = false;
    for (Map.Entry<String, Integer> waiting : activity.activatableJobs().entrySet()) {
      String type = waiting.getKey();
      JobMock mock = mocks.get(type);
      JobHandler worker = workers.get(type);
      if (mock == null && worker == null) {
        continue;
      }
      List<ActivatedJob> jobs = client.newActivateJobsCommand().jobType(type).maxJobsToActivate(waiting.getValue())
          .timeout(JOB_TIMEOUT).workerName("engranaje-test").requestTimeout(Duration.ofSeconds(1)).send().join().getJobs();
      for (ActivatedJob job : jobs) {
        served = true;
        JobCall call = new JobCall(job.getKey(), type, job.getProcessInstanceKey(), job.getElementId(), job.getRetries(),
            job.getVariablesAsMap(), job.getCustomHeaders());
        if (mock != null) {
          mock.answer(client, job, call);
        } else {
          runWorker(worker, job);
        }
      }
    }
    return served;
  }

  private void runWorker(JobHandler worker, ActivatedJob job) {
    try {
      worker.handle(client, job);
    } catch (Exception e) {
      client.newFailCommand(job.getKey()).retries(Math.max(0, job.getRetries() - 1))
          .errorMessage(String.valueOf(e.getMessage())).send().join();
    }
  }

  // --- between tests ----------------------------------------------------------------------------

  /** Clears mocks and workers and cancels every process instance still running: a clean start for the next test. */
  public void reset() {
    mocks.clear();
    workers.clear();
    for (long key : runningRootInstances()) {
      try {
        client.newCancelInstanceCommand(key).send().join();
      } catch (ClientException ended) {
        // it ended meanwhile
      }
    }
    awaitIdle();
  }

  private Set<Long> runningRootInstances() {
    Set<Long> running = new LinkedHashSet<>();
    for (Record record : records.matching(r -> r.valueType() == ValueType.PROCESS_INSTANCE)) {
      ProcessInstanceRecord value = (ProcessInstanceRecord) record.value();
      if (value.bpmnElementType() != BpmnElementType.PROCESS || record.key() != value.processInstanceKey()
          || value.parentProcessInstanceKey() > 0) {
        continue;
      }
      if (record.intent() == ProcessInstanceIntent.ELEMENT_ACTIVATED) {
        running.add(record.key());
      } else if (record.intent() == ProcessInstanceIntent.ELEMENT_COMPLETED
          || record.intent() == ProcessInstanceIntent.ELEMENT_TERMINATED) {
        running.remove(record.key());
      }
    }
    return running;
  }

  /** A JSON value as a tree with exact decimals, for comparing variables. */
  JsonNode jsonTree(String value) {
    try {
      return json.readTree(value);
    } catch (IOException e) {
      throw new IllegalStateException("Expected a variable to hold JSON, but got: " + value, e);
    }
  }

  JsonNode jsonTree(Object value) {
    return json.valueToTree(value);
  }

  Object jsonValue(String value) {
    try {
      return json.readValue(value, Object.class);
    } catch (IOException e) {
      throw new IllegalStateException("Expected a variable to hold JSON, but got: " + value, e);
    }
  }

  @Override
  public void close() {
    client.close();
    engine.close();
  }

  /** A copy that keeps null values (a variable may be null; {@code Map.copyOf} refuses it). */
  private static Map<String, Object> withNulls(Map<String, ?> variables) {
    return java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(variables));
  }
}
