package dev.engranaje.examples.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.examples.FlowingEngine;
import dev.engranaje.examples.ScenarioWorkers;
import dev.engranaje.examples.InstanceWaits;
import dev.engranaje.examples.MailParts;
import dev.engranaje.engine.record.JobIntent;
import dev.engranaje.engine.record.JobRecord;
import dev.engranaje.engine.record.ProcessInstanceIntent;
import dev.engranaje.engine.record.Record;
import dev.engranaje.engine.record.RecordType;
import dev.engranaje.engine.record.ValueType;
import dev.engranaje.engine.testkit.TestEngine;
import dev.engranaje.engine.time.ControlledClock;
import dev.engranaje.workers.runtime.Backoff;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.UserTask;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The bank-reconciliation process on the embedded engine, driven through the official client: a
 * durable test engine in a temporary directory with a controlled clock that starts at a fixed
 * business-day morning (so the 07:00 timer start never fires while a test moves the clock by hours)
 * and runs on with real time (so the workers' long polls end as they would), moved ahead by a test
 * to skip a backoff or a deadline; and the demo's {@link ReconciliationStack} (GreenMail, the mock bank portal, the workspace and the
 * catalog's real workers with in-memory secrets) around it. Waits poll generously; none asserts on
 * time.
 */
final class ReconciliationProcessHarness implements AutoCloseable {
  /** Tuesday 1 December 2026, 09:00 UTC: two hours after one timer start, 22 before the next. */
  static final Instant MORNING = Instant.parse("2026-12-01T09:00:00Z");
  /** Generous for a loaded 2-core machine; waits return as soon as their condition holds. */
  static final Duration WAIT = InstanceWaits.WAIT;

  private final FlowingEngine flowing;
  private final TestEngine engine;
  private final ReconciliationStack stack;
  private final InstanceWaits waits;

  private ReconciliationProcessHarness(FlowingEngine flowing, ReconciliationStack stack) {
    this.flowing = flowing;
    this.engine = flowing.engine();
    this.stack = stack;
    this.waits = flowing.waits();
  }

  /** Starts the engine in {@code root}, the stack around it ({@code configure} adds its data), and deploys. */
  static ReconciliationProcessHarness start(Path root, Backoff backoff, Consumer<ReconciliationStack.Builder> configure)
      throws IOException {
    FlowingEngine flowing = FlowingEngine.start(root.resolve("engine"), MORNING);
    ReconciliationStack stack = flowing.around(() -> {
      ReconciliationStack.Builder builder = ReconciliationStack.builder(flowing.engine().client(), root.resolve("stack")).backoff(backoff);
      configure.accept(builder);
      ReconciliationStack started = builder.start();
      started.deploy();
      return started;
    });
    return new ReconciliationProcessHarness(flowing, stack);
  }

  ReconciliationStack stack() {
    return stack;
  }

  CamundaClient client() {
    return engine.client();
  }

  ControlledClock clock() {
    return engine.clock();
  }

  long startInstance(Map<String, Object> variables) {
    return client().newCreateInstanceCommand().bpmnProcessId(ReconciliationStack.PROCESS_ID).latestVersion()
        .variables(variables).send().join().getProcessInstanceKey();
  }

  /** Waits for the first instance of the process, however it was started (e.g. by the 07:00 timer). */
  long awaitInstance(String what) {
    return waits.awaitValue(what, -1, () -> client().newProcessInstanceSearchRequest()
        .filter(f -> f.processDefinitionId(ReconciliationStack.PROCESS_ID)).send().join().items().stream()
        .findFirst().map(p -> p.getProcessInstanceKey()), true);
  }

  /** Waits for the instance's open user task, failing early (with the incident) if the instance gets stuck. */
  UserTask awaitUserTask(long instance) {
    return waits.awaitUserTask(instance, "a review task", task -> true);
  }

  /** Waits until the instance is no longer active, failing early (with the incident) if it gets stuck. */
  ProcessInstanceState awaitEnd(long instance) {
    return waits.awaitEnd(instance);
  }

  /** Waits until the instance completed the element {@code elementId}. */
  void awaitElement(long instance, String elementId) {
    waits.awaitElement(instance, elementId);
  }

  /** Waits until the instance has an active incident, and returns it. */
  Incident awaitIncident(long instance, Runnable whileWaiting) {
    return waits.awaitIncident(instance, whileWaiting);
  }

  List<Incident> activeIncidents(long instance) {
    return waits.activeIncidents(instance);
  }

  /** Waits for a condition that involves no instance (mails, files). */
  static void await(String what, BooleanSupplier condition) {
    InstanceWaits.await(what, condition);
  }

  /**
   * Completes the review task as {@code user} (assigned first, as a person claims a task): each
   * suggestion's decision is set by its bank reference from {@code decisions} ({@code "accept"},
   * {@code "reject"}, or {@code null} to leave it undecided); returns the suggestions as the task
   * offered them.
   */
  @SuppressWarnings("unchecked")
  List<Map<String, Object>> review(UserTask task, String user, String reviewer, Map<String, String> decisions) {
    client().newAssignUserTaskCommand(task.getUserTaskKey()).assignee(user).send().join();
    List<Map<String, Object>> offered = (List<Map<String, Object>>) localVariables(task.getElementInstanceKey()).get("decisions");
    List<Map<String, Object>> decided = new ArrayList<>();
    for (Map<String, Object> suggestion : offered) {
      String bankRefs = (String) suggestion.get("bankRefs");
      assertThat(decisions).as("decisions of the test").containsKey(bankRefs);
      Map<String, Object> decision = new java.util.LinkedHashMap<>(suggestion);
      decision.put("decision", decisions.get(bankRefs));
      decided.add(decision);
    }
    client().newCompleteUserTaskCommand(task.getUserTaskKey())
        .variables(Map.of("decisions", decided, "reviewer", reviewer, "reviewComment", "Reviewed by " + reviewer))
        .send().join();
    return offered;
  }

  /** The local variables of a live element instance (a user task's inputs). */
  Map<String, Object> localVariables(long elementInstanceKey) {
    return engine.localVariables(elementInstanceKey);
  }

  /** The ids of the elements the instance completed, in log order (from the record log). */
  List<String> elementsCompleted(long instance) {
    return waits.elementsCompleted(instance);
  }

  List<String> elementEvents(long instance, ProcessInstanceIntent intent) {
    return waits.elementEvents(instance, intent);
  }

  /** The job events of one element of the instance, in log order (from the record log). */
  List<Record> jobEvents(long instance, String elementId) {
    return engine.matching(r -> r.recordType() == RecordType.EVENT && r.valueType() == ValueType.JOB
        && ((JobRecord) r.value()).processInstanceKey() == instance && ((JobRecord) r.value()).elementId().equals(elementId));
  }

  long jobEventCount(long instance, String elementId, JobIntent intent) {
    return jobEvents(instance, elementId).stream().filter(r -> r.intent() == intent).count();
  }

  /** The mails sent by the process (the bank's statement mails left out). */
  List<MimeMessage> sentMails() {
    return stack.sentMails();
  }

  /** The attachment of {@code mail} whose file name ends with {@code suffix}. */
  static byte[] attachment(MimeMessage mail, String suffix) throws Exception {
    return MailParts.attachment(mail, suffix);
  }

  /** The plain-text body of {@code mail} (its first text part). */
  static String text(MimeMessage mail) throws Exception {
    return MailParts.text(mail);
  }

  @Override
  public void close() {
    ScenarioWorkers.closeAll(stack, flowing);
  }
}
