package dev.engranaje.examples.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.engine.record.JobIntent;
import dev.engranaje.engine.record.JobRecord;
import dev.engranaje.engine.record.ProcessInstanceIntent;
import dev.engranaje.engine.record.ProcessInstanceRecord;
import dev.engranaje.engine.record.Record;
import dev.engranaje.engine.record.RecordType;
import dev.engranaje.engine.record.ValueType;
import dev.engranaje.engine.testkit.TestEngine;
import dev.engranaje.engine.time.ControlledClock;
import dev.engranaje.workers.runtime.Backoff;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.UserTask;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

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
  static final Duration WAIT = Duration.ofSeconds(90);

  private final TestEngine engine;
  private final ReconciliationStack stack;
  private final ScheduledExecutorService ticker;

  private ReconciliationProcessHarness(TestEngine engine, ReconciliationStack stack, ScheduledExecutorService ticker) {
    this.engine = engine;
    this.stack = stack;
    this.ticker = ticker;
  }

  /** Moves {@code clock} on with real time, in small steps, until the returned executor is shut down. */
  private static ScheduledExecutorService flowing(ControlledClock clock) {
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "engine-clock");
      thread.setDaemon(true);
      return thread;
    });
    long[] last = {System.nanoTime()};
    ticker.scheduleAtFixedRate(() -> {
      long now = System.nanoTime();
      long millis = (now - last[0]) / 1_000_000;
      if (millis > 0) {
        clock.advance(Duration.ofMillis(millis));
        last[0] += millis * 1_000_000;
      }
    }, 20, 20, TimeUnit.MILLISECONDS);
    return ticker;
  }

  /** Starts the engine in {@code root}, the stack around it ({@code configure} adds its data), and deploys. */
  static ReconciliationProcessHarness start(Path root, Backoff backoff, Consumer<ReconciliationStack.Builder> configure)
      throws IOException {
    ControlledClock clock = new ControlledClock(MORNING);
    TestEngine engine = TestEngine.durable(root.resolve("engine"), clock);
    ScheduledExecutorService ticker = flowing(clock);
    try {
      ReconciliationStack.Builder builder = ReconciliationStack.builder(engine.client(), root.resolve("stack")).backoff(backoff);
      configure.accept(builder);
      ReconciliationStack stack = builder.start();
      stack.deploy();
      return new ReconciliationProcessHarness(engine, stack, ticker);
    } catch (IOException | RuntimeException e) {
      ticker.shutdownNow();
      engine.close();
      throw e;
    }
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

  /** Waits for the instance's open user task, failing early (with the incident) if the instance gets stuck. */
  UserTask awaitUserTask(long instance) {
    return awaitValue("a review task of instance " + instance, instance, () -> client().newUserTaskSearchRequest()
        .filter(f -> f.processInstanceKey(instance)).send().join().items().stream()
        .filter(t -> t.getState() == UserTaskState.CREATED).findFirst());
  }

  /** Waits until the instance is no longer active, failing early (with the incident) if it gets stuck. */
  ProcessInstanceState awaitEnd(long instance) {
    awaitValue("the end of instance " + instance, instance, () -> {
      ProcessInstanceState state = client().newProcessInstanceGetRequest(instance).send().join().getState();
      return state == ProcessInstanceState.ACTIVE ? Optional.empty() : Optional.of(state);
    }, true);
    return client().newProcessInstanceGetRequest(instance).send().join().getState();
  }

  /** Waits until the instance completed the element {@code elementId}. */
  void awaitElement(long instance, String elementId) {
    awaitValue("element '" + elementId + "' of instance " + instance + " completed", instance,
        () -> elementsCompleted(instance).contains(elementId) ? Optional.of(true) : Optional.empty(), true);
  }

  /** Waits until the instance has an active incident, and returns it. */
  Incident awaitIncident(long instance, Runnable whileWaiting) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      List<Incident> incidents = activeIncidents(instance);
      if (!incidents.isEmpty()) {
        return incidents.get(0);
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Timed out after " + WAIT + " waiting for an incident of instance " + instance);
      }
      whileWaiting.run();
      pause();
    }
  }

  List<Incident> activeIncidents(long instance) {
    return client().newIncidentSearchRequest().filter(f -> f.processInstanceKey(instance)).send().join().items().stream()
        .filter(i -> i.getState() == IncidentState.ACTIVE).toList();
  }

  private <T> T awaitValue(String what, long instance, Supplier<Optional<T>> probe) {
    return awaitValue(what, instance, probe, false);
  }

  private <T> T awaitValue(String what, long instance, Supplier<Optional<T>> probe, boolean ended) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      Optional<T> value = probe.get();
      if (value.isPresent()) {
        return value.get();
      }
      if (!ended && client().newProcessInstanceGetRequest(instance).send().join().getState() != ProcessInstanceState.ACTIVE) {
        throw new AssertionError("Expected " + what + ", but the instance ended; elements completed: "
            + elementsCompleted(instance));
      }
      List<Incident> incidents = activeIncidents(instance);
      if (!incidents.isEmpty()) {
        Incident incident = incidents.get(0);
        throw new AssertionError("Expected " + what + ", but the instance has an incident at '" + incident.getElementId()
            + "': " + incident.getErrorMessage());
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Timed out after " + WAIT + " waiting for " + what + "; elements so far: "
            + elementsCompleted(instance));
      }
      pause();
    }
  }

  /** Waits for a condition that involves no instance (mails, files). */
  static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Timed out after " + WAIT + " waiting until " + what);
      }
      pause();
    }
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
    return elementEvents(instance, ProcessInstanceIntent.ELEMENT_COMPLETED);
  }

  List<String> elementEvents(long instance, ProcessInstanceIntent intent) {
    List<String> ids = new ArrayList<>();
    for (Record record : engine.elementEvents(instance)) {
      if (record.intent() == intent) {
        ids.add(((ProcessInstanceRecord) record.value()).elementId());
      }
    }
    return ids;
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
    assertThat(mail.getContent()).as("mail content").isInstanceOf(Multipart.class);
    Multipart parts = (Multipart) mail.getContent();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < parts.getCount(); i++) {
      BodyPart part = parts.getBodyPart(i);
      names.add(part.getFileName());
      if (part.getFileName() != null && part.getFileName().endsWith(suffix)) {
        try (InputStream in = part.getInputStream()) {
          return in.readAllBytes();
        }
      }
    }
    throw new AssertionError("Expected an attachment ending with " + suffix + ", but the mail has " + names);
  }

  /** The plain-text body of {@code mail} (its first text part). */
  static String text(MimeMessage mail) throws Exception {
    Object content = mail.getContent();
    if (content instanceof String text) {
      return text;
    }
    Multipart parts = (Multipart) content;
    for (int i = 0; i < parts.getCount(); i++) {
      BodyPart part = parts.getBodyPart(i);
      if (part.isMimeType("text/plain") && part.getFileName() == null) {
        return part.getContent().toString();
      }
    }
    throw new AssertionError("Expected a text part in mail '" + mail.getSubject() + "'");
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() {
    try {
      stack.close();
    } finally {
      ticker.shutdownNow();
      engine.close();
    }
  }
}
