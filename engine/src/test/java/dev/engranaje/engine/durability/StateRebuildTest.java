package dev.engranaje.engine.durability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.engine.expression.ExpressionLanguage;
import dev.engranaje.engine.gateway.EngineGateway;
import dev.engranaje.engine.gateway.IncidentFilter;
import dev.engranaje.engine.gateway.ProcessInstanceFilter;
import dev.engranaje.engine.gateway.ProcessInstanceView;
import dev.engranaje.engine.gateway.UserTaskFilter;
import dev.engranaje.engine.gateway.UserTaskView;
import dev.engranaje.engine.model.ExecutableProcess;
import dev.engranaje.engine.model.ProcessTransformer;
import dev.engranaje.engine.processing.deployment.ProcessLoader;
import dev.engranaje.engine.record.ErrorIntent;
import dev.engranaje.engine.record.JobIntent;
import dev.engranaje.engine.record.JobRecord;
import dev.engranaje.engine.record.MessageIntent;
import dev.engranaje.engine.record.ProcessInstanceIntent;
import dev.engranaje.engine.record.Record;
import dev.engranaje.engine.record.TimerIntent;
import dev.engranaje.engine.record.TimerRecord;
import dev.engranaje.engine.record.ValueType;
import dev.engranaje.engine.record.VariableRecord;
import dev.engranaje.engine.state.EngineState;
import dev.engranaje.engine.state.EventApplier;
import dev.engranaje.engine.storage.SqliteRecordLog;
import dev.engranaje.engine.testkit.TestEngine;
import dev.engranaje.engine.time.ControlledClock;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.Incident;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeBindingType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recovery must rebuild exactly the state the engine had: every committed record reads back from
 * the database equal to what was written, the state applied from the stored records equals the
 * state applied from the records as written, and the engine answers queries the same after a
 * restart. The workload touches every kind of record.
 */
class StateRebuildTest {
  @TempDir
  Path dataDirectory;

  final ControlledClock clock = ControlledClock.startingNow();

  @Test
  void shouldRebuildExactlyTheWrittenStateWhenRecordsAreReplayed() {
    // given
    List<Record> written;
    Map<String, Object> before;
    try (TestEngine engine = TestEngine.durable(dataDirectory, clock)) {
      runWorkload(engine);
      written = engine.records().all();
      before = snapshot(engine.engine().gateway());
    }

    // when
    List<Record> stored = new ArrayList<>();
    try (SqliteRecordLog log = SqliteRecordLog.open(dataDirectory, false)) {
      log.replay(stored::add);
    }
    Map<String, Object> after;
    try (TestEngine engine = TestEngine.durable(dataDirectory, clock)) {
      after = snapshot(engine.engine().gateway());
    }

    // then
    assertThat(stored).hasSameSizeAs(written);
    for (int i = 0; i < written.size(); i++) {
      assertThat(stored.get(i)).as("record at position %d", written.get(i).position()).isEqualTo(written.get(i));
    }
    assertThat(apply(stored)).usingRecursiveComparison().ignoringFieldsOfTypes(ExecutableProcess.class)
        .isEqualTo(apply(written));
    assertThat(after).usingRecursiveComparison().isEqualTo(before);
  }

  void runWorkload(TestEngine engine) {
    CamundaClient client = engine.client();
    String id = TestEngine.uniqueProcessId();
    engine.deploy(gatewaysProcess(id + "-gateways", id));
    engine.deploy(timersProcess(id + "-timers", id));
    engine.deploy(errorsProcess(id + "-errors", id));
    engine.deploy(TestEngine.serviceTaskProcess(id + "-child", id + "-child"));
    engine.deploy(callerProcess(id + "-caller", id + "-child"));
    engine.deploy(messagesProcess(id + "-messages", id));
    engine.deploy(userTaskProcess(id + "-approval"));

    // parallel and exclusive gateways, headers, completion variables
    long big = engine.createInstance(id + "-gateways", Map.of("x", 10));
    client.newCompleteCommand(engine.activateJob(id + "-a").getKey()).variables(Map.of("fromA", "α")).send().join();
    client.newCompleteCommand(engine.activateJob(id + "-b").getKey()).variables(Map.of("fromB", List.of(1, 2))).send().join();
    engine.awaitCompleted(big);

    // incident, retries, resolution, timeout, backoff, variables set from outside
    long troubled = engine.createInstance(id + "-gateways", Map.of("x", 1));
    ActivatedJob a = engine.activateJob(id + "-a");
    client.newFailCommand(a.getKey()).retries(0).errorMessage("no paper").send().join();
    Incident incident = client.newIncidentSearchRequest().filter(f -> f.processInstanceKey(troubled)).send().join()
        .items().get(0);
    client.newUpdateRetriesCommand(a.getKey()).retries(2).send().join();
    client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();
    client.newActivateJobsCommand().jobType(id + "-a").maxJobsToActivate(1).timeout(Duration.ofMinutes(1)).send().join();
    clock.advance(Duration.ofMinutes(2));
    TestEngine.await("job timed out", () -> engine.records().has(ValueType.JOB, JobIntent.TIMED_OUT, r -> true));
    client.newFailCommand(engine.activateJob(id + "-a").getKey()).retries(1).retryBackoff(Duration.ofMinutes(1))
        .variables(Map.of("attempt", 1)).send().join();
    client.newSetVariablesCommand(troubled).variables(Map.of("note", Map.of("by", "operator"))).send().join();
    engine.activateJob(id + "-b");

    // timers: a repeating non-interrupting one fires twice; the interrupting one stays armed
    long timed = engine.createInstance(id + "-timers", Map.of());
    clock.advance(Duration.ofMinutes(11));
    TestEngine.await("backoff elapsed", () -> engine.records().has(ValueType.JOB, JobIntent.RECURRED_AFTER_BACKOFF, r -> true));
    TestEngine.await("first reminder fired", () -> triggeredTimers(engine) == 1);
    clock.advance(Duration.ofMinutes(11));
    TestEngine.await("second reminder fired", () -> triggeredTimers(engine) == 2);

    // errors: one caught by a boundary on the subprocess, one uncaught (incident)
    long caught = engine.createInstance(id + "-errors", Map.of());
    client.newThrowErrorCommand(engine.activateJob(id + "-reserve").getKey()).errorCode("SEAT_TAKEN")
        .errorMessage("taken").variables(Map.of("seat", "12A")).send().join();
    long uncaught = engine.createInstance(id + "-errors", Map.of());
    client.newThrowErrorCommand(engine.activateJob(id + "-reserve").getKey()).errorCode("UNKNOWN").send().join();
    engine.awaitCompleted(caught);
    TestEngine.await("error thrown", () -> engine.records().has(ValueType.ERROR, ErrorIntent.THROWN, r -> true));

    // call activities: one child completes and returns its variables; a waiting one stays live
    long calling = engine.createInstance(id + "-caller", Map.of("order", Map.of("id", 7)));
    client.newCompleteCommand(engine.activateJob(id + "-child").getKey()).variables(Map.of("shipped", true)).send().join();
    engine.awaitCompleted(calling);
    long stillCalling = engine.createInstance(id + "-caller", Map.of("order", Map.of("id", 8)));
    engine.activateJob(id + "-child");

    // message subscriptions: a buffered message taken on activation (and then not again by the same
    // process), a non-interrupting boundary fired, subscriptions left open
    client.newPublishMessageCommand().messageName(id + "-paid").correlationKey("o-1").timeToLive(Duration.ofHours(1))
        .variables(Map.of("paid", true)).send().join();
    long paid = engine.createInstance(id + "-messages", Map.of("orderId", "o-1"));
    engine.awaitElement(paid, "confirm", ProcessInstanceIntent.ELEMENT_ACTIVATED);
    long waiting = engine.createInstance(id + "-messages", Map.of("orderId", "o-1"));
    engine.awaitElement(waiting, "wait", ProcessInstanceIntent.ELEMENT_ACTIVATED);
    client.newPublishMessageCommand().messageName(id + "-remind").correlationKey("o-1").timeToLive(Duration.ZERO)
        .send().join();
    engine.awaitElement(waiting, "reminded", ProcessInstanceIntent.ELEMENT_COMPLETED);

    // decisions: a DMN deployed with its process and then in a second version; one instance decided,
    // one waiting on an incident for a decision that is not deployed
    client.newDeployResourceCommand().addProcessModel(decisionProcess(id + "-decide", "invoice-approval-level"),
        "decide.bpmn").addResourceBytes(dmn("invoice-approval.dmn"), "invoice-approval.dmn").send().join();
    client.newDeployResourceCommand().addResourceBytes(dmn("invoice-approval.dmn"), "renamed-approval.dmn").send()
        .join();
    engine.awaitCompleted(engine.createInstance(id + "-decide", Map.of("amount", 2500, "supplierCategory", "new")));
    engine.deploy(decisionProcess(id + "-undecided", id + "-missing-decision"));
    engine.awaitIncidents(engine.createInstance(id + "-undecided", Map.of()));

    // forms: deployed with a process that binds the deployment's version, then a second version and a
    // duplicate; one task links version 1, one instance waits on FORM_NOT_FOUND
    client.newDeployResourceCommand().addProcessModel(formProcess(id + "-form", id + "-invoice-approval",
        ZeebeBindingType.deployment), "form.bpmn").addResourceBytes(form(id + "-invoice-approval", "Comment"),
        "invoice-approval.form").send().join();
    client.newDeployResourceCommand().addResourceBytes(form(id + "-invoice-approval", "Reason"),
        "invoice-approval.form").send().join();
    client.newDeployResourceCommand().addResourceBytes(form(id + "-invoice-approval", "Reason"),
        "invoice-approval.form").send().join();
    long formTask = awaitOpenUserTask(engine, engine.createInstance(id + "-form", Map.of()));
    assertThat(client.newUserTaskGetFormRequest(formTask).send().join().getVersion()).isEqualTo(1);
    engine.deploy(formProcess(id + "-formless", id + "-missing-form", ZeebeBindingType.latest));
    engine.awaitIncidents(engine.createInstance(id + "-formless", Map.of()));

    // multi-instance: a parallel body with one of three inner instances completed, a sequential
    // one at its second item; both wait halfway
    engine.deploy(multiInstanceProcess(id + "-parallel", id + "-each", false));
    engine.deploy(multiInstanceProcess(id + "-sequential", id + "-step", true));
    long looping = engine.createInstance(id + "-parallel", Map.of("items", List.of("a", "b", "c")));
    TestEngine.await("three inner jobs", () -> engine.records().matching(r -> r.valueType() == ValueType.JOB
        && r.intent() == JobIntent.CREATED && ((JobRecord) r.value()).processInstanceKey() == looping).size() == 3);
    client.newCompleteCommand(engine.activateJob(id + "-each").getKey()).variables(Map.of("result", "done"))
        .send().join();
    long stepping = engine.createInstance(id + "-sequential", Map.of("items", List.of(1, 2, 3)));
    client.newCompleteCommand(engine.activateJob(id + "-step").getKey()).variables(Map.of("result", 1)).send().join();
    engine.activateJob(id + "-step");

    // messages: buffered, dropped at once, expiring; and a cancelled instance
    client.newPublishMessageCommand().messageName("m").correlationKey("k").messageId("kept")
        .timeToLive(Duration.ofHours(1)).variables(Map.of("v", 1)).send().join();
    client.newPublishMessageCommand().messageName("m").correlationKey("k").timeToLive(Duration.ZERO).send().join();
    client.newPublishMessageCommand().messageName("m").correlationKey("k").messageId("short")
        .timeToLive(Duration.ofMinutes(1)).send().join();
    long cancelled = engine.createInstance(id + "-gateways", Map.of());
    client.newCancelInstanceCommand(cancelled).send().join();
    clock.advance(Duration.ofMinutes(2));
    // three expiries: the two messages without time to live (one above) and the one of a minute
    TestEngine.await("message expired", () -> engine.records().matching(r -> r.intent() == MessageIntent.EXPIRED).size() == 3);
    // user tasks: one assigned and completed, one assigned, updated and left waiting
    long approved = engine.createInstance(id + "-approval", Map.of("reviewers", List.of("ana", "bo")));
    long firstTask = awaitOpenUserTask(engine, approved);
    client.newAssignUserTaskCommand(firstTask).assignee("ana").send().join();
    client.newCompleteUserTaskCommand(firstTask).variables(Map.of("approved", true)).send().join();
    TestEngine.await("second user task open", () -> awaitOpenUserTask(engine, approved) != firstTask);
    client.newAssignUserTaskCommand(awaitOpenUserTask(engine, approved)).assignee("bo").send().join();
    TestEngine.await("second user task assigned", () -> client.newUserTaskSearchRequest()
        .filter(f -> f.processInstanceKey(approved).assignee("bo")).send().join().items().size() == 1);
    client.newUpdateUserTaskCommand(awaitOpenUserTask(engine, approved)).candidateGroups("auditors").clearDueDate()
        .priority(90).send().join();

    // event subprocess and escalation: a non-interrupting message event subprocess fired once and
    // waiting beside the main path, whose escalation was not caught
    engine.deploy(Bpmn.createExecutableProcess(id + "-escalating")
        .eventSubProcess("noteEsp", e -> e.startEvent("noteStart").interrupting(false)
            .message(m -> m.name(id + "-note").zeebeCorrelationKeyExpression("orderId"))
            .serviceTask("noteWork", t -> t.zeebeJobType(id + "-note")).endEvent("noteEnd"))
        .startEvent("start").intermediateThrowEvent("late", e -> e.escalation("LATE"))
        .serviceTask("main", t -> t.zeebeJobType(id + "-main")).endEvent("end").done());
    long escalating = engine.createInstance(id + "-escalating", Map.of("orderId", "o-9"));
    engine.awaitElement(escalating, "main", ProcessInstanceIntent.ELEMENT_ACTIVATED);
    client.newPublishMessageCommand().messageName(id + "-note").correlationKey("o-9").timeToLive(Duration.ZERO)
        .variables(Map.of("note", "call back")).send().join();
    engine.activateJob(id + "-note");

    assertThat(List.of(big, troubled, timed, caught, uncaught, cancelled, calling, stillCalling, paid, waiting,
        looping, stepping, approved))
        .doesNotHaveDuplicates();

    // timer start: a cycle creates an instance that waits at a timer catch event; version 2
    // cancels version 1's start timer and arms its own
    engine.deploy(timerStartProcess(id + "-started", "waitV1"));
    long triggeredBefore = triggeredTimers(engine);
    clock.advance(Duration.ofMinutes(1));
    TestEngine.await("start timer fired", () -> triggeredTimers(engine) == triggeredBefore + 1);
    engine.deploy(timerStartProcess(id + "-started", "waitV2"));
    TestEngine.await("v1 start timer canceled", () -> engine.records().has(ValueType.TIMER, TimerIntent.CANCELED,
        r -> ((TimerRecord) r.value()).processInstanceKey() == -1));

    // signals: version 2 replaces version 1's start subscription; a broadcast starts one instance
    // that runs a script task and waits at a task whose non-interrupting signal boundary fires once
    engine.deploy(signalsProcess(id + "-signalled", id, "endV1"));
    engine.deploy(signalsProcess(id + "-signalled", id, "endV2"));
    client.newBroadcastSignalCommand().signalName(id + "-go").variables(Map.of("a", 2)).send().join();
    engine.activateJob(id + "-signalled");
    client.newBroadcastSignalCommand().signalName(id + "-ping").send().join();
    TestEngine.await("signal boundary fired", () -> engine.records().matching(r -> r.valueType()
        == ValueType.PROCESS_INSTANCE && r.intent() == ProcessInstanceIntent.ELEMENT_COMPLETED
        && ((dev.engranaje.engine.record.ProcessInstanceRecord) r.value()).elementId().equals("pinged")).size() == 1);

    // signal event subprocess and event-based gateway: a non-interrupting signal start fired once
    // beside a gateway that still waits for its signal or its timer
    engine.deploy(signalWaitProcess(id + "-signalWait", id));
    long signalWaiting = engine.createInstance(id + "-signalWait", Map.of());
    engine.awaitElement(signalWaiting, "race", ProcessInstanceIntent.ELEMENT_ACTIVATED);
    client.newBroadcastSignalCommand().signalName(id + "-note").variables(Map.of("noted", true)).send().join();
    engine.activateJob(id + "-noted");
  }

  private static BpmnModelInstance signalWaitProcess(String processId, String prefix) {
    return Bpmn.createExecutableProcess(processId)
        .eventSubProcess("noteEsp", e -> e.startEvent("noteStart").interrupting(false).signal(prefix + "-note")
            .serviceTask("noted", t -> t.zeebeJobType(prefix + "-noted")).endEvent("noteEnd"))
        .startEvent("start").eventBasedGateway("race")
        .intermediateCatchEvent("stopped", c -> c.signal(prefix + "-stop")).endEvent("stoppedEnd")
        .moveToNode("race").intermediateCatchEvent("timeout", c -> c.timerWithDuration("PT1H")).endEvent("timedOut")
        .done();
  }

  private static BpmnModelInstance multiInstanceProcess(String processId, String type, boolean sequential) {
    return Bpmn.createExecutableProcess(processId).startEvent("start")
        .serviceTask("each", t -> t.zeebeJobType(type).multiInstance(m -> (sequential ? m.sequential() : m.parallel())
            .zeebeInputCollectionExpression("items").zeebeInputElement("item")
            .zeebeOutputCollection("results").zeebeOutputElementExpression("result")))
        .endEvent("end").done();
  }

  @Test
  void shouldEvaluateDecisionsDeployedBeforeTheRestart() {
    // given
    String processId = TestEngine.uniqueProcessId();
    try (TestEngine engine = TestEngine.durable(dataDirectory, clock)) {
      engine.client().newDeployResourceCommand().addProcessModel(decisionProcess(processId, "invoice-approval-level"),
          "decide.bpmn").addResourceBytes(dmn("invoice-approval.dmn"), "invoice-approval.dmn").send().join();
    }

    // when
    try (TestEngine engine = TestEngine.durable(dataDirectory, clock)) {
      long instance = engine.createInstance(processId, Map.of("amount", 20000, "supplierCategory", "standard"));
      String standalone = engine.client().newEvaluateDecisionCommand().decisionId("invoice-approval-level")
          .variables(Map.of("amount", 10, "supplierCategory", "standard")).send().join().getDecisionOutput();

      // then
      engine.awaitCompleted(instance);
      assertThat(engine.matching(r -> r.value() instanceof VariableRecord variable
          && variable.processInstanceKey() == instance && variable.name().equals("level")))
          .singleElement().satisfies(r -> assertThat(((VariableRecord) r.value()).value()).isEqualTo("\"cfo\""));
      assertThat(standalone).isEqualTo("\"auto\"");
    }
  }

  @Test
  void shouldLinkAndHandOutFormsDeployedBeforeTheRestart() {
    // given
    String processId = TestEngine.uniqueProcessId();
    String formId = processId + "-invoice-approval";
    long formKey;
    try (TestEngine engine = TestEngine.durable(dataDirectory, clock)) {
      formKey = engine.client().newDeployResourceCommand()
          .addProcessModel(formProcess(processId, formId, ZeebeBindingType.deployment), "form.bpmn")
          .addResourceBytes(form(formId, "Comment"), "invoice-approval.form").send().join().getForm().get(0)
          .getFormKey();
    }

    // when
    try (TestEngine engine = TestEngine.durable(dataDirectory, clock)) {
      long again = engine.client().newDeployResourceCommand()
          .addResourceBytes(form(formId, "Comment"), "invoice-approval.form").send().join().getForm().get(0)
          .getFormKey();
      long taskKey = awaitOpenUserTask(engine, engine.createInstance(processId, Map.of()));
      io.camunda.client.api.search.response.Form fetched =
          engine.client().newUserTaskGetFormRequest(taskKey).send().join();

      // then
      assertThat(again).isEqualTo(formKey);
      assertThat(engine.client().newUserTaskGetRequest(taskKey).send().join().getFormKey()).isEqualTo(formKey);
      assertThat(fetched.getFormKey()).isEqualTo(formKey);
      assertThat(fetched.getSchema()).isEqualTo(new String(form(formId, "Comment"), StandardCharsets.UTF_8));
    }
  }

  private static BpmnModelInstance formProcess(String processId, String formId, ZeebeBindingType binding) {
    return Bpmn.createExecutableProcess(processId).startEvent("start")
        .userTask("approve", t -> t.zeebeUserTask().zeebeFormId(formId).zeebeFormBindingType(binding))
        .endEvent("end").done();
  }

  /** The invoice approval form fixture under another form id, with its comment field labelled {@code label}. */
  private static byte[] form(String formId, String label) {
    try (java.io.InputStream in = StateRebuildTest.class.getResourceAsStream("/form/invoice-approval.form")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("\"id\": \"invoice-approval\"", "\"id\": \"" + formId + "\"")
          .replace("\"label\": \"Comment\"", "\"label\": \"" + label + "\"")
          .getBytes(StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static BpmnModelInstance decisionProcess(String processId, String decisionId) {
    return Bpmn.createExecutableProcess(processId).startEvent("start")
        .businessRuleTask("decide", t -> t.zeebeCalledDecisionId(decisionId).zeebeResultVariable("level"))
        .endEvent("end").done();
  }

  private static byte[] dmn(String name) {
    try (java.io.InputStream in = StateRebuildTest.class.getResourceAsStream("/dmn/" + name)) {
      return in.readAllBytes();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static BpmnModelInstance userTaskProcess(String processId) {
    return Bpmn.createExecutableProcess(processId).startEvent("start")
        .userTask("review", t -> t.zeebeUserTask().zeebeCandidateUsersExpression("reviewers").zeebeDueDate(
            "2030-01-01T12:00:00Z"))
        .userTask("countersign", t -> t.zeebeUserTask().zeebeCandidateGroups("checkers"))
        .endEvent("end").done();
  }

  private static long awaitOpenUserTask(TestEngine engine, long processInstanceKey) {
    TestEngine.await("a user task is open", () -> !engine.client().newUserTaskSearchRequest()
        .filter(f -> f.processInstanceKey(processInstanceKey).state(UserTaskState.CREATED)).send().join().items()
        .isEmpty());
    return engine.client().newUserTaskSearchRequest()
        .filter(f -> f.processInstanceKey(processInstanceKey).state(UserTaskState.CREATED)).send().join().items()
        .get(0).getUserTaskKey();
  }

  private static BpmnModelInstance timerStartProcess(String processId, String waitId) {
    return Bpmn.createExecutableProcess(processId).startEvent("tick").timerWithCycle("R/PT1M")
        .intermediateCatchEvent(waitId, e -> e.timerWithDuration("PT1H")).endEvent("end").done();
  }

  private static long triggeredTimers(TestEngine engine) {
    return engine.records().matching(r -> r.intent() == TimerIntent.TRIGGERED).size();
  }

  static EngineState apply(List<Record> records) {
    EngineState state = new EngineState();
    ProcessLoader loader = new ProcessLoader(new ProcessTransformer(new ExpressionLanguage(ControlledClock.startingNow())));
    EventApplier applier = new EventApplier(state, loader::load);
    records.forEach(applier::apply);
    return state;
  }

  private static Map<String, Object> snapshot(EngineGateway gateway) {
    Map<String, Object> snapshot = new LinkedHashMap<>();
    List<ProcessInstanceView> instances = gateway.searchProcessInstances(new ProcessInstanceFilter(null, null, null, null)).join();
    snapshot.put("instances", instances);
    snapshot.put("incidents", gateway.searchIncidents(new IncidentFilter(null, null, null, null, null)).join());
    List<UserTaskView> userTasks =
        gateway.searchUserTasks(new UserTaskFilter(null, null, null, null, null, null, null)).join();
    snapshot.put("user tasks", userTasks);
    for (UserTaskView task : userTasks) {
      snapshot.put("form of user task " + task.key(), gateway.getUserTaskForm(task.key()).join());
    }
    for (ProcessInstanceView instance : instances) {
      snapshot.put("variables of " + instance.key(), gateway.searchVariables(instance.key(), null).join());
    }
    return snapshot;
  }

  private static BpmnModelInstance gatewaysProcess(String processId, String prefix) {
    return Bpmn.createExecutableProcess(processId).startEvent("start")
        .parallelGateway("fork")
        .serviceTask("a", t -> t.zeebeJobType(prefix + "-a").zeebeTaskHeader("printer", "P1").zeebeJobRetries("3"))
        .parallelGateway("join")
        .exclusiveGateway("gw").defaultFlow().endEvent("small")
        .moveToNode("gw").sequenceFlowId("toBig").conditionExpression("=x > 5").endEvent("big")
        .moveToNode("fork").serviceTask("b", t -> t.zeebeJobType(prefix + "-b")).connectTo("join")
        .done();
  }

  private static BpmnModelInstance timersProcess(String processId, String prefix) {
    return Bpmn.createExecutableProcess(processId).startEvent("start")
        .serviceTask("call", t -> t.zeebeJobType(prefix + "-call")).endEvent("end")
        .moveToActivity("call").boundaryEvent("timeout", b -> b.timerWithDuration("PT1H")).endEvent("timedOut")
        .moveToActivity("call").boundaryEvent("reminder", b -> b.cancelActivity(false).timerWithCycle("R2/PT10M"))
        .manualTask("remind").endEvent("reminded")
        .done();
  }

  private static BpmnModelInstance callerProcess(String processId, String childId) {
    return Bpmn.createExecutableProcess(processId).startEvent("start")
        .callActivity("call", c -> c.zeebeProcessId(childId)).endEvent("end")
        .moveToActivity("call").boundaryEvent("late", b -> b.timerWithDuration("PT5H")).endEvent("tooLate")
        .done();
  }

  private static BpmnModelInstance signalsProcess(String processId, String prefix, String endId) {
    return Bpmn.createExecutableProcess(processId).startEvent("start").signal(prefix + "-go")
        .scriptTask("double", t -> t.zeebeExpression("a * 2").zeebeResultVariable("doubled"))
        .serviceTask("work", t -> t.zeebeJobType(prefix + "-signalled")).endEvent(endId)
        .moveToActivity("work").boundaryEvent("ping", b -> b.cancelActivity(false).signal(prefix + "-ping"))
        .endEvent("pinged")
        .done();
  }

  private static BpmnModelInstance messagesProcess(String processId, String prefix) {
    return Bpmn.createExecutableProcess(processId).startEvent("start")
        .receiveTask("wait").message(m -> m.name(prefix + "-paid").zeebeCorrelationKeyExpression("orderId"))
        .intermediateCatchEvent("confirm").message(m -> m.name(prefix + "-confirm").zeebeCorrelationKeyExpression("orderId"))
        .endEvent("end")
        .moveToActivity("wait").boundaryEvent("remind", b -> b.cancelActivity(false)
            .message(m -> m.name(prefix + "-remind").zeebeCorrelationKeyExpression("orderId")))
        .endEvent("reminded")
        .done();
  }

  private static BpmnModelInstance errorsProcess(String processId, String prefix) {
    return Bpmn.createExecutableProcess(processId).startEvent("start")
        .subProcess("booking", sub -> sub.embeddedSubProcess().startEvent("subStart")
            .serviceTask("reserve", t -> t.zeebeJobType(prefix + "-reserve")).endEvent("subEnd"))
        .endEvent("end")
        .moveToActivity("booking").boundaryEvent("onSeatTaken", b -> b.error("SEAT_TAKEN")).endEvent("failed")
        .done();
  }
}
