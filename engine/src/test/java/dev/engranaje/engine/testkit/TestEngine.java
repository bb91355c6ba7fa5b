package dev.engranaje.engine.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.engine.Engine;
import dev.engranaje.engine.EngineLimits;
import dev.engranaje.engine.EngineOptions;
import dev.engranaje.engine.snapshot.SnapshotPolicy;
import dev.engranaje.engine.record.ProcessInstanceIntent;
import dev.engranaje.engine.record.ProcessInstanceRecord;
import dev.engranaje.engine.record.Record;
import dev.engranaje.engine.record.RecordType;
import dev.engranaje.engine.record.ValueType;
import dev.engranaje.engine.time.ControlledClock;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.Variable;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * An embedded engine (in memory unless a data directory is given) with a controllable clock, the
 * official Camunda client pointed at its REST API, and a recording of every committed record.
 */
public final class TestEngine implements AutoCloseable {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final ControlledClock clock;
  private final Engine engine;
  private final CamundaClient client;
  private final RecordingExporter records = new RecordingExporter();

  private TestEngine(Path dataDirectory, ControlledClock clock, EngineLimits limits) {
    this(dataDirectory, clock, limits, SnapshotPolicy.DEFAULT);
  }

  private TestEngine(Path dataDirectory, ControlledClock clock, EngineLimits limits, SnapshotPolicy snapshots) {
    this.clock = clock;
    EngineOptions.Builder options = EngineOptions.builder().port(0).clock(clock).limits(limits).snapshots(snapshots);
    if (dataDirectory == null) {
      options.inMemory();
    } else {
      options.dataDirectory(dataDirectory).durableCommits(false);
    }
    this.engine = Engine.start(options.build());
    engine.addExporter(records);
    this.client = newClient(engine.restAddress());
  }

  public static TestEngine inMemory() {
    return inMemory(EngineLimits.defaults());
  }

  /** An in-memory engine with other limits than the defaults. */
  public static TestEngine inMemory(EngineLimits limits) {
    return new TestEngine(null, ControlledClock.startingNow(), limits);
  }

  public static TestEngine durable(Path dataDirectory) {
    return durable(dataDirectory, ControlledClock.startingNow());
  }

  /**
   * A durable engine on a data directory with a given clock: pass the same clock to the engine
   * that reopens the directory, and move it in between to simulate time passing while it was down.
   */
  public static TestEngine durable(Path dataDirectory, ControlledClock clock) {
    return new TestEngine(dataDirectory, clock, EngineLimits.defaults());
  }

  /** A durable engine that snapshots its state as the policy says. */
  public static TestEngine durable(Path dataDirectory, ControlledClock clock, SnapshotPolicy snapshots) {
    return new TestEngine(dataDirectory, clock, EngineLimits.defaults(), snapshots);
  }

  /** A client as a user would build it: only the REST address set, everything else default. */
  public static CamundaClient newClient(URI restAddress) {
    return CamundaClient.newClientBuilder().restAddress(restAddress).grpcAddress(restAddress).preferRestOverGrpc(true).build();
  }

  /** A process id no other test uses. */
  public static String uniqueProcessId() {
    return "process-" + UUID.randomUUID().toString().substring(0, 8);
  }

  public CamundaClient client() {
    return client;
  }

  public ControlledClock clock() {
    return clock;
  }

  public Engine engine() {
    return engine;
  }

  public RecordingExporter records() {
    return records;
  }

  public DeploymentEvent deploy(BpmnModelInstance model) {
    return client.newDeployResourceCommand().addProcessModel(model, "process.bpmn").send().join();
  }

  public long createInstance(String processId, Map<String, Object> variables) {
    ProcessInstanceEvent event = client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion()
        .variables(variables).send().join();
    return event.getProcessInstanceKey();
  }

  /** Activates exactly one job of a type, waiting for it to exist. */
  public ActivatedJob activateJob(String type) {
    List<ActivatedJob> jobs = activateJobs(type, 1);
    assertThat(jobs).as("activated jobs of type '%s'", type).hasSize(1);
    return jobs.get(0);
  }

  public List<ActivatedJob> activateJobs(String type, int max) {
    return client.newActivateJobsCommand().jobType(type).maxJobsToActivate(max).timeout(Duration.ofMinutes(5))
        .requestTimeout(Duration.ofSeconds(5)).send().join().getJobs();
  }

  /**
   * One activation request with a short long-poll, for asserting that no job is activatable yet:
   * it returns what is activatable now, or nothing once {@code requestTimeout} has passed.
   */
  public List<ActivatedJob> pollJobs(String type, Duration requestTimeout) {
    return client.newActivateJobsCommand().jobType(type).maxJobsToActivate(10).timeout(Duration.ofMinutes(5))
        .requestTimeout(requestTimeout).send().join().getJobs();
  }

  /** The incidents of a process instance, active and resolved, as the client's search returns them. */
  public List<Incident> incidents(long processInstanceKey) {
    return client.newIncidentSearchRequest().filter(f -> f.processInstanceKey(processInstanceKey)).send().join().items();
  }

  /** Waits until the process instance has an incident, and returns its incidents. */
  public List<Incident> awaitIncidents(long processInstanceKey) {
    await("process instance " + processInstanceKey + " has an incident", () -> !incidents(processInstanceKey).isEmpty());
    return incidents(processInstanceKey);
  }

  /** The variables stored on one scope (a live element instance), by name, with JSON values parsed. */
  public Map<String, Object> localVariables(long scopeKey) {
    List<Variable> variables = client.newVariableSearchRequest().filter(f -> f.scopeKey(scopeKey)).send().join().items();
    Map<String, Object> values = new LinkedHashMap<>();
    for (Variable variable : variables) {
      values.put(variable.getName(), client.getConfiguration().getJsonMapper().fromJson(variable.getValue(), Object.class));
    }
    return values;
  }

  /**
   * Waits until the engine has processed everything sent to it and nothing is due at its clock's
   * current time (no timer, job deadline or backoff, message expiry): what has not happened then
   * cannot happen before the clock moves, so a test can check that something did not happen.
   */
  public void awaitNothingDue() {
    await("nothing is due at " + clock.instant(), () -> !engine.activity().join().dueWorkPending());
  }

  /** Waits until a condition holds (the engine commits asynchronously to the test thread). */
  public static void await(String what, BooleanSupplier condition) {
    await(what, WAIT, condition);
  }

  /** Waits up to {@code wait} until a condition holds, for what takes longer than the default (a browser, a child engine). */
  public static void await(String what, Duration wait, BooleanSupplier condition) {
    long deadline = System.nanoTime() + wait.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Timed out after " + wait + " waiting until " + what);
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /** Process-instance events of one instance, in log order. */
  public List<Record> elementEvents(long processInstanceKey) {
    return records.matching(r -> r.valueType() == ValueType.PROCESS_INSTANCE && r.recordType() == RecordType.EVENT
        && ((ProcessInstanceRecord) r.value()).processInstanceKey() == processInstanceKey);
  }

  public boolean hasElementEvent(long processInstanceKey, String elementId, ProcessInstanceIntent intent) {
    return elementEvents(processInstanceKey).stream().anyMatch(r -> r.intent() == intent
        && ((ProcessInstanceRecord) r.value()).elementId().equals(elementId));
  }

  public void awaitElement(long processInstanceKey, String elementId, ProcessInstanceIntent intent) {
    await("element '" + elementId + "' is " + intent, () -> hasElementEvent(processInstanceKey, elementId, intent));
  }

  public void awaitCompleted(long processInstanceKey) {
    await("process instance " + processInstanceKey + " completed", () -> elementEvents(processInstanceKey).stream()
        .anyMatch(r -> r.intent() == ProcessInstanceIntent.ELEMENT_COMPLETED && r.key() == processInstanceKey));
  }

  public List<Record> matching(Predicate<Record> predicate) {
    return records.matching(predicate);
  }

  public static BpmnModelInstance serviceTaskProcess(String processId, String jobType) {
    return Bpmn.createExecutableProcess(processId).startEvent("start").serviceTask("task", t -> t.zeebeJobType(jobType))
        .endEvent("end").done();
  }

  @Override
  public void close() {
    client.close();
    engine.close();
  }
}
