package dev.engranaje.examples.payment;

import dev.engranaje.engine.record.JobIntent;
import dev.engranaje.engine.record.JobRecord;
import dev.engranaje.engine.record.RecordType;
import dev.engranaje.engine.record.ValueType;
import dev.engranaje.engine.testkit.TestEngine;
import dev.engranaje.engine.time.ControlledClock;
import dev.engranaje.examples.FlowingEngine;
import dev.engranaje.examples.ScenarioWorkers;
import dev.engranaje.examples.InstanceVariables;
import dev.engranaje.examples.InstanceWaits;
import dev.engranaje.workers.api.JobInfo;
import dev.engranaje.workers.runtime.Backoff;
import dev.engranaje.workers.runtime.JobObserver;
import dev.engranaje.workers.runtime.JobOutcome;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.UserTask;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The supplier-payment process on the embedded engine, driven through the official client: a durable
 * test engine with a controlled clock that starts on a Tuesday morning (so the Monday 08:00 timer start
 * never fires during a test) and runs on with real time, and the demo's {@link SupplierPaymentStack}
 * (GreenMail, the mock bank portal, the workspace and the catalog's real workers) around it. The
 * instance's variables are read as its last step starts (the engine keeps none of a completed
 * instance).
 */
final class PaymentProcessHarness implements AutoCloseable {
  /** Tuesday 1 December 2026, 09:00 UTC: six days before the next Monday 08:00 timer start. */
  static final Instant MORNING = Instant.parse("2026-12-01T09:00:00Z");
  static final String LAST_STEP = "mail-run-report";

  private final FlowingEngine flowing;
  private final TestEngine engine;
  private final SupplierPaymentStack stack;
  private final InstanceWaits waits;
  private final AtomicReference<Map<String, Object>> lastStepVariables;

  private PaymentProcessHarness(FlowingEngine flowing, SupplierPaymentStack stack, AtomicReference<Map<String, Object>> lastStepVariables) {
    this.flowing = flowing;
    this.engine = flowing.engine();
    this.stack = stack;
    this.waits = flowing.waits();
    this.lastStepVariables = lastStepVariables;
  }

  /** Starts the engine in {@code root}, the stack around it ({@code configure} may wrap workers), deploys and delivers the invoices. */
  static PaymentProcessHarness start(Path root, Consumer<SupplierPaymentStack.Builder> configure) throws IOException {
    FlowingEngine flowing = FlowingEngine.start(root.resolve("engine"), MORNING);
    AtomicReference<Map<String, Object>> captured = new AtomicReference<>();
    CamundaClient client = flowing.engine().client();
    SupplierPaymentStack stack = flowing.around(() -> {
      SupplierPaymentStack.Builder builder = SupplierPaymentStack.builder(client, root.resolve("stack"))
          .backoff(new Backoff(Duration.ofMillis(200), 2.0, Duration.ofSeconds(2)))
          .observer(new JobObserver() {
            @Override
            public void started(JobInfo job) {
              if (LAST_STEP.equals(job.elementId())) {
                captured.set(InstanceVariables.of(client, job.processInstanceKey()));
              }
            }

            @Override
            public void finished(JobInfo job, JobOutcome outcome, Duration duration) {
              // the tests look at the record log, not at timings
            }
          });
      configure.accept(builder);
      SupplierPaymentStack started = builder.start();
      started.deploy();
      started.deliverInvoices();
      return started;
    });
    return new PaymentProcessHarness(flowing, stack, captured);
  }

  SupplierPaymentStack stack() {
    return stack;
  }

  CamundaClient client() {
    return engine.client();
  }

  InstanceWaits waits() {
    return waits;
  }

  /** Requests a run by message, as accounts payable does, and returns the instance it started. */
  long requestRun(String browser) {
    stack.requestRun(browser);
    return awaitInstance("an instance started by the message");
  }

  /** Waits for the first instance of the process, however it was started. */
  long awaitInstance(String what) {
    return waits.awaitValue(what, -1, () -> client().newProcessInstanceSearchRequest()
        .filter(f -> f.processDefinitionId(SupplierPaymentStack.PROCESS_ID)).send().join().items().stream()
        .findFirst().map(p -> p.getProcessInstanceKey()), true);
  }

  ControlledClock clock() {
    return engine.clock();
  }

  /** Waits for the open task of {@code elementId}. */
  UserTask awaitTask(long instance, String elementId) {
    return waits.awaitUserTask(instance, "task '" + elementId + "'", t -> t.getElementId().equals(elementId));
  }

  /** Waits for an open task of {@code elementId} other than {@code previous} (the same task offered again). */
  UserTask awaitTaskAgain(long instance, String elementId, long previous) {
    return waits.awaitUserTask(instance, "task '" + elementId + "' again",
        t -> t.getElementId().equals(elementId) && t.getUserTaskKey() != previous);
  }

  /** Assigns the task to {@code user}, as a person claims it, and completes it with {@code variables}. */
  void completeAs(UserTask task, String user, Map<String, Object> variables) {
    client().newAssignUserTaskCommand(task.getUserTaskKey()).assignee(user).send().join();
    client().newCompleteUserTaskCommand(task.getUserTaskKey()).variables(variables).send().join();
  }

  void approve(UserTask task, String user) {
    completeAs(task, user, Map.of("approved", true, "approvalComment", "Approved by " + user));
  }

  /** The reviewer looks at the plain PDF, the treasurer verifies the changed bank account. */
  void reviewAndVerify(long instance) {
    completeAs(awaitTask(instance, "review-invoice"), SupplierPaymentStack.REVIEWER,
        Map.of("reviewDecision", "ask-supplier", "reviewComment", "No e-invoice data"));
    completeAs(awaitTask(instance, "verify-bank-details"), SupplierPaymentStack.VERIFIER,
        Map.of("verified", true, "verificationComment", "Called back on the number in the master"));
  }

  /** Does the people's part of a run: the reviewer, the verifier and the two approvers (tier dual). */
  void completeThePeoplesTasks(long instance) {
    reviewAndVerify(instance);
    approve(awaitTask(instance, "approve-run"), SupplierPaymentStack.FIRST_APPROVER);
    approve(awaitTask(instance, "approve-run-second"), SupplierPaymentStack.SECOND_APPROVER);
  }

  ProcessInstanceState awaitEnd(long instance) {
    return waits.awaitEnd(instance);
  }

  /** The instance's variables as its last step started. */
  Map<String, Object> lastStepVariables() {
    Map<String, Object> variables = lastStepVariables.get();
    if (variables == null) {
      throw new AssertionError("Expected the instance to reach '" + LAST_STEP + "', but it did not");
    }
    return variables;
  }

  /** The local variables of a live element instance (a user task's inputs). */
  Map<String, Object> localVariables(long elementInstanceKey) {
    return engine.localVariables(elementInstanceKey);
  }

  long jobEventCount(long instance, String elementId, JobIntent intent) {
    return engine.matching(r -> r.recordType() == RecordType.EVENT && r.valueType() == ValueType.JOB
        && r.intent() == intent && ((JobRecord) r.value()).processInstanceKey() == instance
        && ((JobRecord) r.value()).elementId().equals(elementId)).size();
  }

  List<String> elementsCompleted(long instance) {
    return waits.elementsCompleted(instance);
  }

  /** A workspace file of the instance, from its reference. */
  Path workspaceFile(long instance, String reference) {
    return stack.workspaceRoot().resolve(Long.toString(instance)).resolve(reference).normalize();
  }

  @Override
  public void close() {
    ScenarioWorkers.closeAll(stack, flowing);
  }
}
