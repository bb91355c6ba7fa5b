package dev.engranaje.engine.processing.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.engranaje.engine.record.ProcessInstanceIntent;
import dev.engranaje.engine.testkit.TestEngine;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Process instance migration through the official client: each supported element kind and each refusal. */
class ProcessInstanceMigrationTest {
  private static TestEngine engine;

  @BeforeAll
  static void start() {
    engine = TestEngine.inMemory();
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  private static long deploy(BpmnModelInstance model) {
    return engine.deploy(model).getProcesses().get(0).getProcessDefinitionKey();
  }

  private static void migrate(long instanceKey, long target, String... sourceTargetPairs) {
    var step = engine.client().newMigrateProcessInstanceCommand(instanceKey).migrationPlan(target)
        .addMappingInstruction(sourceTargetPairs[0], sourceTargetPairs[1]);
    for (int i = 2; i < sourceTargetPairs.length; i += 2) {
      step = step.addMappingInstruction(sourceTargetPairs[i], sourceTargetPairs[i + 1]);
    }
    step.send().join();
  }

  private static ProblemException refusedMigration(long instanceKey, long target, String source, String mapped) {
    return catchThrowableOfType(ProblemException.class, () -> migrate(instanceKey, target, source, mapped));
  }

  @Test
  void shouldMoveAServiceTaskWithItsJobAndContinueInTheTargetDefinition() {
    // given
    String processId = TestEngine.uniqueProcessId();
    String type = processId + "-check";
    long source = deploy(Bpmn.createExecutableProcess(processId).startEvent().serviceTask("check", t -> t.zeebeJobType(type))
        .endEvent("oldEnd").done());
    long target = deploy(Bpmn.createExecutableProcess(processId).startEvent().serviceTask("check", t -> t.zeebeJobType(type))
        .serviceTask("archive", t -> t.zeebeJobType(processId + "-archive")).endEvent("newEnd").done());
    long instanceKey = createInstanceOf(source, Map.of());
    ActivatedJob job = engine.activateJob(type);

    // when
    migrate(instanceKey, target, "check", "check");

    // then
    engine.client().newCompleteCommand(job.getKey()).send().join();
    ActivatedJob archive = engine.activateJob(processId + "-archive");
    assertThat(archive.getProcessDefinitionKey()).isEqualTo(target);
    engine.client().newCompleteCommand(archive.getKey()).send().join();
    engine.awaitElement(instanceKey, "newEnd", ProcessInstanceIntent.ELEMENT_COMPLETED);
    TestEngine.await("the history shows the target definition", () -> engine.client()
        .newProcessInstanceGetRequest(instanceKey).send().join().getProcessDefinitionKey() == target);
    assertThat(engine.client().newProcessInstanceGetRequest(instanceKey).send().join().getProcessDefinitionVersion())
        .isEqualTo(2);
  }

  @Test
  void shouldMoveAnIncidentWithItsElement() {
    // given
    String processId = TestEngine.uniqueProcessId();
    String type = processId + "-fail";
    deploy(TestEngine.serviceTaskProcess(processId, type));
    long target = deploy(Bpmn.createExecutableProcess(processId + "-v2").startEvent()
        .serviceTask("fixed", t -> t.zeebeJobType(type)).endEvent().done());
    long instanceKey = engine.createInstance(processId, Map.of());
    ActivatedJob job = engine.activateJob(type);
    engine.client().newFailCommand(job.getKey()).retries(0).errorMessage("no printer").send().join();
    engine.awaitIncidents(instanceKey);

    // when
    migrate(instanceKey, target, "task", "fixed");

    // then
    TestEngine.await("the incident names the target", () -> {
      Incident incident = engine.incidents(instanceKey).get(0);
      return incident.getProcessDefinitionKey() == target && "fixed".equals(incident.getElementId());
    });
    engine.client().newUpdateRetriesCommand(job.getKey()).retries(1).send().join();
    engine.client().newResolveIncidentCommand(engine.incidents(instanceKey).get(0).getIncidentKey()).send().join();
    ActivatedJob retried = engine.activateJob(type);
    assertThat(retried.getElementId()).isEqualTo("fixed");
    engine.client().newCompleteCommand(retried.getKey()).send().join();
    engine.awaitCompleted(instanceKey);
  }

  @Test
  void shouldMoveAUserTaskAndLetItBeCompleted() {
    // given
    String processId = TestEngine.uniqueProcessId();
    long source = deploy(Bpmn.createExecutableProcess(processId).startEvent().userTask("approve", u -> u.zeebeUserTask())
        .endEvent().done());
    long target = deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .userTask("approve", u -> u.zeebeUserTask()).endEvent("approved").done());
    long instanceKey = createInstanceOf(source, Map.of());
    TestEngine.await("a user task", () -> !userTasks(instanceKey).isEmpty());

    // when
    migrate(instanceKey, target, "approve", "approve");

    // then
    TestEngine.await("the task names the target", () -> userTasks(instanceKey).get(0).getProcessDefinitionKey() == target);
    engine.client().newCompleteUserTaskCommand(userTasks(instanceKey).get(0).getUserTaskKey()).send().join();
    engine.awaitElement(instanceKey, "approved", ProcessInstanceIntent.ELEMENT_COMPLETED);
  }

  @Test
  void shouldMoveAMessageSubscriptionOfAReceiveTaskAndCorrelateAfterwards() {
    // given
    String processId = TestEngine.uniqueProcessId();
    long source = deploy(Bpmn.createExecutableProcess(processId).startEvent().receiveTask("await")
        .message(m -> m.name("paid").zeebeCorrelationKeyExpression("invoice")).endEvent().done());
    long target = deploy(Bpmn.createExecutableProcess(processId).startEvent().receiveTask("awaitPayment")
        .message(m -> m.name("paid").zeebeCorrelationKeyExpression("invoice")).endEvent("settled").done());
    long instanceKey = createInstanceOf(source, Map.of("invoice", processId));
    engine.awaitElement(instanceKey, "await", ProcessInstanceIntent.ELEMENT_ACTIVATED);

    // when
    migrate(instanceKey, target, "await", "awaitPayment");

    // then
    engine.client().newPublishMessageCommand().messageName("paid").correlationKey(processId).send().join();
    engine.awaitElement(instanceKey, "settled", ProcessInstanceIntent.ELEMENT_COMPLETED);
    assertThat(engine.hasElementEvent(instanceKey, "awaitPayment", ProcessInstanceIntent.ELEMENT_COMPLETED)).isTrue();
  }

  @Test
  void shouldMoveATimerCatchEventInsideASubprocessKeepingItsDueDate() {
    // given
    String processId = TestEngine.uniqueProcessId();
    long source = deploy(Bpmn.createExecutableProcess(processId).startEvent().subProcess("sub").embeddedSubProcess().startEvent()
        .intermediateCatchEvent("pause").timerWithDuration("PT1H").endEvent().subProcessDone().endEvent().done());
    long target = deploy(Bpmn.createExecutableProcess(processId).startEvent().subProcess("stage").embeddedSubProcess()
        .startEvent().intermediateCatchEvent("pause").timerWithDuration("PT5H").endEvent("stageEnd").subProcessDone()
        .endEvent().done());
    long instanceKey = createInstanceOf(source, Map.of());
    engine.awaitElement(instanceKey, "pause", ProcessInstanceIntent.ELEMENT_ACTIVATED);

    // when
    migrate(instanceKey, target, "sub", "stage", "pause", "pause");
    engine.clock().advance(Duration.ofMinutes(61));

    // then
    engine.awaitElement(instanceKey, "stageEnd", ProcessInstanceIntent.ELEMENT_COMPLETED);
    engine.awaitCompleted(instanceKey);
  }

  @Test
  void shouldKeepAnUnchangedBoundaryTimerWithTheMigratedTask() {
    // given
    String processId = TestEngine.uniqueProcessId();
    String type = processId + "-slow";
    long source = deploy(Bpmn.createExecutableProcess(processId).startEvent().serviceTask("slow", t -> t.zeebeJobType(type))
        .boundaryEvent("late").timerWithDuration("PT1H").endEvent("lateOld").moveToActivity("slow").endEvent().done());
    long target = deploy(Bpmn.createExecutableProcess(processId).startEvent().serviceTask("slow", t -> t.zeebeJobType(type))
        .boundaryEvent("late").timerWithDuration("PT1H").endEvent("lateNew").moveToActivity("slow").endEvent().done());
    long instanceKey = createInstanceOf(source, Map.of());
    engine.awaitElement(instanceKey, "slow", ProcessInstanceIntent.ELEMENT_ACTIVATED);

    // when
    migrate(instanceKey, target, "slow", "slow");
    engine.clock().advance(Duration.ofMinutes(61));

    // then
    engine.awaitElement(instanceKey, "lateNew", ProcessInstanceIntent.ELEMENT_COMPLETED);
  }

  @Test
  void shouldRefuseAnActiveElementWithoutMapping() {
    String processId = TestEngine.uniqueProcessId();
    long source = deploy(TestEngine.serviceTaskProcess(processId, processId));
    long instanceKey = engine.createInstance(processId, Map.of());
    engine.awaitElement(instanceKey, "task", ProcessInstanceIntent.ELEMENT_ACTIVATED);

    ProblemException refused = refusedMigration(instanceKey, source, "start", "start");

    assertThat(refused.code()).isEqualTo(400);
    assertThat(refused.details().getDetail()).isEqualTo("Expected to migrate process instance '" + instanceKey
        + "' but no mapping instruction defined for active element with id 'task'. Elements cannot be migrated"
        + " without a mapping.");
  }

  @Test
  void shouldRefuseUnknownTargetsAndElements() {
    String processId = TestEngine.uniqueProcessId();
    long source = deploy(TestEngine.serviceTaskProcess(processId, processId));
    long instanceKey = engine.createInstance(processId, Map.of());
    engine.awaitElement(instanceKey, "task", ProcessInstanceIntent.ELEMENT_ACTIVATED);

    ProblemException noDefinition = refusedMigration(instanceKey, 2251799813000009L, "task", "task");
    ProblemException noInstance = refusedMigration(2251799813000011L, source, "task", "task");
    ProblemException noSource = refusedMigration(instanceKey, source, "ghost", "task");
    ProblemException noTarget = refusedMigration(instanceKey, source, "task", "ghost");

    assertThat(noDefinition.code()).isEqualTo(404);
    assertThat(noDefinition.details().getDetail()).contains("no process definition found with key '2251799813000009'");
    assertThat(noInstance.code()).isEqualTo(404);
    assertThat(noSource.details().getDetail()).contains("non-existing source element id 'ghost'");
    assertThat(noTarget.details().getDetail()).contains("non-existing target element id 'ghost'");
  }

  @Test
  void shouldRefuseChangingTheTypeTheFlowScopeOrTheBoundaryEvents() {
    String processId = TestEngine.uniqueProcessId();
    String type = processId + "-t";
    deploy(TestEngine.serviceTaskProcess(processId, type));
    long userTask = deploy(Bpmn.createExecutableProcess(processId + "-user").startEvent()
        .userTask("task", u -> u.zeebeUserTask()).endEvent().done());
    long nested = deploy(Bpmn.createExecutableProcess(processId + "-nested").startEvent().subProcess("sub")
        .embeddedSubProcess().startEvent().serviceTask("task", t -> t.zeebeJobType(type)).endEvent().subProcessDone()
        .endEvent().done());
    long withBoundary = deploy(Bpmn.createExecutableProcess(processId + "-boundary").startEvent()
        .serviceTask("task", t -> t.zeebeJobType(type)).boundaryEvent("late").timerWithDuration("PT1H").endEvent()
        .moveToActivity("task").endEvent().done());
    long instanceKey = engine.createInstance(processId, Map.of());
    engine.awaitElement(instanceKey, "task", ProcessInstanceIntent.ELEMENT_ACTIVATED);

    assertThat(refusedMigration(instanceKey, userTask, "task", "task").details().getDetail())
        .contains("type 'SERVICE_TASK' is mapped to an element with id 'task' and different type 'USER_TASK'");
    assertThat(refusedMigration(instanceKey, nested, "task", "task").details().getDetail())
        .contains("the flow scope of active element with id 'task' is changed")
        .contains("expected to be '" + processId + "-nested' but was 'sub'");
    assertThat(refusedMigration(instanceKey, withBoundary, "task", "task").details().getDetail())
        .contains("boundary events differ").contains("late:TIMER");
    assertThat(engine.activateJob(type).getProcessInstanceKey()).isEqualTo(instanceKey);
  }

  @Test
  void shouldRefuseMultiInstanceCallActivitiesEventSubprocessesAndEventBasedGateways() {
    String processId = TestEngine.uniqueProcessId();
    long multi = deploy(Bpmn.createExecutableProcess(processId + "-multi").startEvent()
        .serviceTask("each", t -> t.zeebeJobType(processId).multiInstance(m -> m.zeebeInputCollectionExpression("[1]")))
        .endEvent().done());
    long multiInstance = engine.createInstance(processId + "-multi", Map.of());
    deploy(TestEngine.serviceTaskProcess(processId + "-child", processId + "-child"));
    long call = deploy(Bpmn.createExecutableProcess(processId + "-call").startEvent()
        .callActivity("call", c -> c.zeebeProcessId(processId + "-child")).endEvent().done());
    long calling = engine.createInstance(processId + "-call", Map.of());
    long gateway = deploy(Bpmn.createExecutableProcess(processId + "-gateway").startEvent().eventBasedGateway("choice")
        .intermediateCatchEvent("a").timerWithDuration("PT1H").endEvent().moveToLastGateway()
        .intermediateCatchEvent("b").timerWithDuration("PT2H").endEvent().done());
    long choosing = engine.createInstance(processId + "-gateway", Map.of());
    long eventSub = deploy(Bpmn.createExecutableProcess(processId + "-esp").eventSubProcess("esp",
        s -> s.startEvent().message(m -> m.name("stop").zeebeCorrelationKeyExpression("\"s\"")).endEvent())
        .startEvent().serviceTask("work", t -> t.zeebeJobType(processId + "-esp")).endEvent().done());
    long withEventSub = engine.createInstance(processId + "-esp", Map.of());
    engine.awaitElement(multiInstance, "each", ProcessInstanceIntent.ELEMENT_ACTIVATED);
    engine.awaitElement(calling, "call", ProcessInstanceIntent.ELEMENT_ACTIVATED);
    engine.awaitElement(choosing, "choice", ProcessInstanceIntent.ELEMENT_ACTIVATED);
    engine.awaitElement(withEventSub, "work", ProcessInstanceIntent.ELEMENT_ACTIVATED);

    assertThat(refusedMigration(multiInstance, multi, "each", "each").details().getDetail())
        .contains("active element with id 'each' has an unsupported type. The migration of a multi-instance element");
    assertThat(refusedMigration(calling, call, "call", "call").details().getDetail())
        .contains("active element with id 'call' has an unsupported type. The migration of a CALL_ACTIVITY");
    assertThat(refusedMigration(choosing, gateway, "choice", "choice").details().getDetail())
        .contains("The migration of a EVENT_BASED_GATEWAY is not supported");
    assertThat(refusedMigration(withEventSub, eventSub, "work", "work").details().getDetail())
        .contains("contains event subprocesses");
  }

  @Test
  void shouldRefuseChangingTheMessageOrTheUserTaskImplementation() {
    String processId = TestEngine.uniqueProcessId();
    deploy(Bpmn.createExecutableProcess(processId).startEvent().parallelGateway("fork")
        .receiveTask("await").message(m -> m.name("paid").zeebeCorrelationKeyExpression("invoice")).endEvent()
        .moveToNode("fork").userTask("approve", u -> u.zeebeUserTask()).endEvent().done());
    long otherMessage = deploy(Bpmn.createExecutableProcess(processId + "-msg").startEvent().parallelGateway("fork")
        .receiveTask("await").message(m -> m.name("refunded").zeebeCorrelationKeyExpression("invoice")).endEvent()
        .moveToNode("fork").userTask("approve", u -> u.zeebeUserTask()).endEvent().done());
    long jobUserTask = deploy(Bpmn.createExecutableProcess(processId + "-job").startEvent().parallelGateway("fork")
        .receiveTask("await").message(m -> m.name("paid").zeebeCorrelationKeyExpression("invoice")).endEvent()
        .moveToNode("fork").userTask("approve").endEvent().done());
    long instanceKey = engine.createInstance(processId, Map.of("invoice", "I-1"));
    engine.awaitElement(instanceKey, "await", ProcessInstanceIntent.ELEMENT_ACTIVATED);
    engine.awaitElement(instanceKey, "approve", ProcessInstanceIntent.ELEMENT_ACTIVATED);

    ProblemException message = catchThrowableOfType(ProblemException.class,
        () -> migrate(instanceKey, otherMessage, "await", "await", "approve", "approve"));
    ProblemException userTask = catchThrowableOfType(ProblemException.class,
        () -> migrate(instanceKey, jobUserTask, "await", "await", "approve", "approve"));

    assertThat(message.details().getDetail()).contains("active element with id 'await'")
        .contains("subscribes to another message");
    assertThat(userTask.details().getDetail()).contains("active user task with id 'approve'")
        .contains("job worker versus Camunda user task");
  }

  @Test
  void shouldRefuseMigratingAChildProcessInstance() {
    String processId = TestEngine.uniqueProcessId();
    long child = deploy(TestEngine.serviceTaskProcess(processId + "-child", processId + "-child"));
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .callActivity("call", c -> c.zeebeProcessId(processId + "-child")).endEvent().done());
    long parentKey = engine.createInstance(processId, Map.of());
    engine.awaitElement(parentKey, "call", ProcessInstanceIntent.ELEMENT_ACTIVATED);
    long childKey = engine.activateJob(processId + "-child").getProcessInstanceKey();

    ProblemException refused = refusedMigration(childKey, child, "task", "task");

    assertThat(refused.details().getDetail()).isEqualTo("Expected to migrate process instance '" + childKey
        + "' but process instance is a child process instance. Child process instances cannot be migrated.");
  }

  @Test
  void shouldAnswerProblemJsonNamingTheFieldForMalformedRepairRequests() throws Exception {
    String processId = TestEngine.uniqueProcessId();
    long definition = deploy(TestEngine.serviceTaskProcess(processId, processId));
    long instanceKey = engine.createInstance(processId, Map.of());

    HttpResponse<String> noTarget = post(instanceKey + "/migration", "{\"mappingInstructions\": []}");
    HttpResponse<String> noTargetElement = post(instanceKey + "/migration",
        "{\"targetProcessDefinitionKey\": \"1\", \"mappingInstructions\": [{\"sourceElementId\": \"task\"}]}");
    HttpResponse<String> duplicate = post(instanceKey + "/migration", "{\"targetProcessDefinitionKey\": \""
        + definition
        + "\", \"mappingInstructions\": [{\"sourceElementId\": \"task\", \"targetElementId\": \"task\"},"
        + " {\"sourceElementId\": \"task\", \"targetElementId\": \"start\"}]}");
    HttpResponse<String> notAnArray = post(instanceKey + "/modification", "{\"activateInstructions\": 5}");
    HttpResponse<String> badVariables = post(instanceKey + "/modification", "{\"activateInstructions\":"
        + " [{\"elementId\": \"task\", \"variableInstructions\": [{\"variables\": [1]}]}]}");

    assertThat(noTarget.statusCode()).isEqualTo(400);
    assertThat(noTarget.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(noTarget.body()).contains("Expected a targetProcessDefinitionKey");
    assertThat(noTargetElement.body()).contains("mapping instruction with a targetElementId");
    assertThat(duplicate.statusCode()).isEqualTo(400);
    assertThat(duplicate.body()).contains("duplicate source element ids 'task'");
    assertThat(notAnArray.body()).contains("Expected activateInstructions to be an array");
    assertThat(badVariables.body()).contains("variables of a variable instruction to be a JSON object");
  }

  private static HttpResponse<String> post(String path, String body) throws Exception {
    URI uri = engine.engine().restAddress().resolve("/v2/process-instances/" + path);
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** An instance of one version (not the latest: the tests deploy the target version before starting). */
  private static long createInstanceOf(long processDefinitionKey, Map<String, Object> variables) {
    return engine.client().newCreateInstanceCommand().processDefinitionKey(processDefinitionKey).variables(variables)
        .send().join().getProcessInstanceKey();
  }

  private static List<UserTask> userTasks(long instanceKey) {
    return engine.client().newUserTaskSearchRequest().filter(f -> f.processInstanceKey(instanceKey)).send().join()
        .items();
  }
}
