package dev.engranaje.engine.processing.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.engranaje.engine.record.ProcessInstanceIntent;
import dev.engranaje.engine.record.ProcessInstanceRecord;
import dev.engranaje.engine.record.Record;
import dev.engranaje.engine.record.RecordType;
import dev.engranaje.engine.record.ValueType;
import dev.engranaje.engine.testkit.TestEngine;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Process instance modification through the official client: each instruction kind and each refusal. */
class ProcessInstanceModificationTest {
  private static TestEngine engine;

  @BeforeAll
  static void start() {
    engine = TestEngine.inMemory();
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  /** start -> wait (message catch) -> work (service) -> end. */
  private static BpmnModelInstance waitThenWork(String processId) {
    return Bpmn.createExecutableProcess(processId).startEvent("start")
        .intermediateCatchEvent("wait").message(m -> m.name("never").zeebeCorrelationKeyExpression("\"x\""))
        .serviceTask("work", t -> t.zeebeJobType(processId + "-work")).endEvent("end").done();
  }

  /** start -> first (service) -> sub(subStart -> inner (service) -> subEnd) -> end. */
  private static BpmnModelInstance taskThenSubprocess(String processId) {
    return Bpmn.createExecutableProcess(processId).startEvent("start")
        .serviceTask("first", t -> t.zeebeJobType(processId + "-first"))
        .subProcess("sub").embeddedSubProcess().startEvent("subStart")
        .serviceTask("inner", t -> t.zeebeJobType(processId + "-inner")).endEvent("subEnd").subProcessDone()
        .endEvent("end").done();
  }

  @Test
  void shouldSkipAWaitingCatchEventWhenTerminatingItAndActivatingTheNextTask() {
    // given
    String processId = TestEngine.uniqueProcessId();
    engine.deploy(waitThenWork(processId));
    long instanceKey = engine.createInstance(processId, Map.of());
    engine.awaitElement(instanceKey, "wait", ProcessInstanceIntent.ELEMENT_ACTIVATED);
    long waitKey = elementKey(instanceKey, "wait");

    // when
    engine.client().newModifyProcessInstanceCommand(instanceKey).activateElement("work").and()
        .terminateElement(waitKey).send().join();

    // then
    ActivatedJob job = engine.activateJob(processId + "-work");
    engine.client().newCompleteCommand(job.getKey()).send().join();
    engine.awaitCompleted(instanceKey);
    assertThat(engine.hasElementEvent(instanceKey, "wait", ProcessInstanceIntent.ELEMENT_TERMINATED)).isTrue();
    assertThat(lifecycle(instanceKey, "work")).containsExactly(ProcessInstanceIntent.ELEMENT_ACTIVATING,
        ProcessInstanceIntent.ELEMENT_ACTIVATED, ProcessInstanceIntent.ELEMENT_COMPLETING,
        ProcessInstanceIntent.ELEMENT_COMPLETED);
  }

  @Test
  void shouldCreateGlobalAndLocalVariablesWhenActivatingWithVariableInstructions() {
    // given
    String processId = TestEngine.uniqueProcessId();
    engine.deploy(waitThenWork(processId));
    long instanceKey = engine.createInstance(processId, Map.of());
    engine.awaitElement(instanceKey, "wait", ProcessInstanceIntent.ELEMENT_ACTIVATED);

    // when
    engine.client().newModifyProcessInstanceCommand(instanceKey).activateElement("work")
        .withVariables(Map.of("invoice", "INV-7")).withVariables(Map.of("note", "retyped by hand"), "work")
        .send().join();

    // then
    ActivatedJob job = engine.activateJob(processId + "-work");
    assertThat(job.getVariablesAsMap()).containsEntry("invoice", "INV-7").containsEntry("note", "retyped by hand");
    assertThat(engine.localVariables(instanceKey)).containsEntry("invoice", "INV-7").doesNotContainKey("note");
    assertThat(engine.localVariables(job.getElementInstanceKey())).containsEntry("note", "retyped by hand");
  }

  @Test
  void shouldCreateTheMissingSubprocessWhenActivatingAnElementInsideIt() {
    // given
    String processId = TestEngine.uniqueProcessId();
    engine.deploy(taskThenSubprocess(processId));
    long instanceKey = engine.createInstance(processId, Map.of());
    engine.awaitElement(instanceKey, "first", ProcessInstanceIntent.ELEMENT_ACTIVATED);

    // when
    engine.client().newModifyProcessInstanceCommand(instanceKey).activateElement("inner").and()
        .terminateElement(elementKey(instanceKey, "first")).send().join();

    // then
    engine.client().newCompleteCommand(engine.activateJob(processId + "-inner").getKey()).send().join();
    engine.awaitCompleted(instanceKey);
    assertThat(lifecycle(instanceKey, "sub")).containsExactly(ProcessInstanceIntent.ELEMENT_ACTIVATING,
        ProcessInstanceIntent.ELEMENT_ACTIVATED, ProcessInstanceIntent.ELEMENT_COMPLETING,
        ProcessInstanceIntent.ELEMENT_COMPLETED);
    assertThat(engine.hasElementEvent(instanceKey, "subStart", ProcessInstanceIntent.ELEMENT_ACTIVATING)).isFalse();
  }

  @Test
  void shouldActivateInTheChosenAncestorAndRefuseWhenTheFlowScopeIsAmbiguous() {
    // given two instances of the subprocess, each at its inner task
    String processId = TestEngine.uniqueProcessId();
    engine.deploy(taskThenSubprocess(processId));
    long instanceKey = engine.createInstance(processId, Map.of());
    engine.awaitElement(instanceKey, "first", ProcessInstanceIntent.ELEMENT_ACTIVATED);
    engine.client().newModifyProcessInstanceCommand(instanceKey).activateElement("sub").and().activateElement("sub")
        .send().join();
    TestEngine.await("two inner tasks", () -> elementKeys(instanceKey, "inner").size() == 2);
    long chosenSub = elementKeys(instanceKey, "sub").get(1);

    // when
    ProblemException ambiguous = catchThrowableOfType(ProblemException.class, () -> engine.client()
        .newModifyProcessInstanceCommand(instanceKey).activateElement("inner").send().join());
    engine.client().newModifyProcessInstanceCommand(instanceKey).activateElement("inner", chosenSub).send().join();

    // then
    assertThat(ambiguous.code()).isEqualTo(400);
    assertThat(ambiguous.details().getDetail()).contains("more than one active instance: 'inner'")
        .contains("specify an ancestor element instance key");
    TestEngine.await("a third inner task", () -> elementKeys(instanceKey, "inner").size() == 3);
    long third = elementKeys(instanceKey, "inner").get(2);
    assertThat(flowScopeOf(third)).isEqualTo(chosenSub);
  }

  @Test
  void shouldTerminateTheProcessInstanceWhenItsLastActiveElementIsTerminated() {
    // given
    String processId = TestEngine.uniqueProcessId();
    engine.deploy(taskThenSubprocess(processId));
    long instanceKey = engine.createInstance(processId, Map.of());
    engine.awaitElement(instanceKey, "first", ProcessInstanceIntent.ELEMENT_ACTIVATED);

    // when
    engine.client().newModifyProcessInstanceCommand(instanceKey).terminateElement(elementKey(instanceKey, "first"))
        .send().join();

    // then
    engine.awaitElement(instanceKey, processId, ProcessInstanceIntent.ELEMENT_TERMINATED);
    assertThat(engine.hasElementEvent(instanceKey, processId, ProcessInstanceIntent.ELEMENT_COMPLETED)).isFalse();
  }

  @Test
  void shouldMoveEveryInstanceOfAnElementToAnotherElement() {
    // given
    String processId = TestEngine.uniqueProcessId();
    engine.deploy(waitThenWork(processId));
    long instanceKey = engine.createInstance(processId, Map.of());
    engine.awaitElement(instanceKey, "wait", ProcessInstanceIntent.ELEMENT_ACTIVATED);

    // when
    engine.client().newModifyProcessInstanceCommand(instanceKey).moveElements("wait", "work")
        .withVariable("movedBy", "operator").send().join();

    // then
    ActivatedJob job = engine.activateJob(processId + "-work");
    assertThat(job.getVariablesAsMap()).containsEntry("movedBy", "operator");
    assertThat(engine.hasElementEvent(instanceKey, "wait", ProcessInstanceIntent.ELEMENT_TERMINATED)).isTrue();
  }

  /** start -> sub(subStart -> inner -> next -> subEnd) -> end, all tasks service tasks. */
  private static BpmnModelInstance subprocessWithTwoSteps(String processId) {
    return Bpmn.createExecutableProcess(processId).startEvent("start")
        .subProcess("sub").embeddedSubProcess().startEvent("subStart")
        .serviceTask("inner", t -> t.zeebeJobType(processId + "-inner"))
        .serviceTask("next", t -> t.zeebeJobType(processId + "-next")).endEvent("subEnd").subProcessDone()
        .endEvent("end").done();
  }

  @Test
  void shouldMoveIntoTheSourcesOwnSubprocessInstanceWithSourceParentOrInferredAncestor() {
    // given two subprocess instances, each at 'inner'
    String processId = TestEngine.uniqueProcessId();
    engine.deploy(subprocessWithTwoSteps(processId));
    long instanceKey = engine.createInstance(processId, Map.of());
    engine.awaitElement(instanceKey, "inner", ProcessInstanceIntent.ELEMENT_ACTIVATED);
    engine.client().newModifyProcessInstanceCommand(instanceKey).activateElement("sub").send().join();
    TestEngine.await("two inner tasks", () -> elementKeys(instanceKey, "inner").size() == 2);
    List<Long> inners = elementKeys(instanceKey, "inner");

    // when
    engine.client().newModifyProcessInstanceCommand(instanceKey)
        .moveElementWithSourceParentAsAncestor(inners.get(0), "next").send().join();
    engine.client().newModifyProcessInstanceCommand(instanceKey)
        .moveElementWithInferredAncestor(inners.get(1), "next").send().join();

    // then
    TestEngine.await("two next tasks", () -> elementKeys(instanceKey, "next").size() == 2);
    List<Long> nexts = elementKeys(instanceKey, "next");
    assertThat(flowScopeOf(nexts.get(0))).isEqualTo(flowScopeOf(inners.get(0)));
    assertThat(flowScopeOf(nexts.get(1))).isEqualTo(flowScopeOf(inners.get(1)));
    assertThat(elementKeys(instanceKey, "sub")).hasSize(2);
  }

  @Test
  void shouldMoveIntoAGivenAncestor() {
    // given
    String processId = TestEngine.uniqueProcessId();
    engine.deploy(subprocessWithTwoSteps(processId));
    long instanceKey = engine.createInstance(processId, Map.of());
    engine.awaitElement(instanceKey, "inner", ProcessInstanceIntent.ELEMENT_ACTIVATED);
    long sub = elementKey(instanceKey, "sub");

    // when
    engine.client().newModifyProcessInstanceCommand(instanceKey).moveElements("inner", "next", sub).send().join();

    // then
    engine.awaitElement(instanceKey, "next", ProcessInstanceIntent.ELEMENT_ACTIVATED);
    assertThat(flowScopeOf(elementKey(instanceKey, "next"))).isEqualTo(sub);
    assertThat(engine.hasElementEvent(instanceKey, "inner", ProcessInstanceIntent.ELEMENT_TERMINATED)).isTrue();
  }

  @Test
  void shouldCreateVariablesInAnEnclosingSubprocessAboveTheChosenAncestor() {
    // given outer(inner(work, more))
    String processId = TestEngine.uniqueProcessId();
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent("start")
        .subProcess("outer").embeddedSubProcess().startEvent("outerStart")
        .subProcess("inner").embeddedSubProcess().startEvent("innerStart")
        .serviceTask("work", t -> t.zeebeJobType(processId + "-work"))
        .serviceTask("more", t -> t.zeebeJobType(processId + "-more")).endEvent("innerEnd").subProcessDone()
        .endEvent("outerEnd").subProcessDone().endEvent("end").done());
    long instanceKey = engine.createInstance(processId, Map.of());
    engine.awaitElement(instanceKey, "work", ProcessInstanceIntent.ELEMENT_ACTIVATED);
    long outer = elementKey(instanceKey, "outer");
    long inner = elementKey(instanceKey, "inner");

    // when
    engine.client().newModifyProcessInstanceCommand(instanceKey).activateElement("more", inner)
        .withVariables(Map.of("batch", 7), "outer").send().join();

    // then
    ActivatedJob more = engine.activateJob(processId + "-more");
    assertThat(more.getVariablesAsMap()).containsEntry("batch", 7);
    assertThat(engine.localVariables(outer)).containsEntry("batch", 7);
    assertThat(flowScopeOf(more.getElementInstanceKey())).isEqualTo(inner);
  }

  @Test
  void shouldTerminateEveryInstanceOfAnElementById() {
    // given
    String processId = TestEngine.uniqueProcessId();
    engine.deploy(waitThenWork(processId));
    long instanceKey = engine.createInstance(processId, Map.of());
    engine.awaitElement(instanceKey, "wait", ProcessInstanceIntent.ELEMENT_ACTIVATED);

    // when
    engine.client().newModifyProcessInstanceCommand(instanceKey).activateElement("work").and()
        .terminateElements("wait").send().join();

    // then
    engine.awaitElement(instanceKey, "wait", ProcessInstanceIntent.ELEMENT_TERMINATED);
    assertThat(engine.activateJob(processId + "-work").getProcessInstanceKey()).isEqualTo(instanceKey);
  }

  @Test
  void shouldShowTerminatedAndActivatedElementsInTheHistory() {
    // given
    String processId = TestEngine.uniqueProcessId();
    engine.deploy(waitThenWork(processId));
    long instanceKey = engine.createInstance(processId, Map.of());
    engine.awaitElement(instanceKey, "wait", ProcessInstanceIntent.ELEMENT_ACTIVATED);

    // when
    engine.client().newModifyProcessInstanceCommand(instanceKey).moveElements("wait", "work").send().join();

    // then
    TestEngine.await("the history shows the move", () -> historyState(instanceKey, "wait")
        == ElementInstanceState.TERMINATED && historyState(instanceKey, "work") == ElementInstanceState.ACTIVE);
  }

  @Test
  void shouldRefuseActivatingAnUnknownElementAndChangeNothing() {
    String processId = TestEngine.uniqueProcessId();
    engine.deploy(waitThenWork(processId));
    long instanceKey = engine.createInstance(processId, Map.of());
    engine.awaitElement(instanceKey, "wait", ProcessInstanceIntent.ELEMENT_ACTIVATED);
    int before = engine.elementEvents(instanceKey).size();

    ProblemException refused = refusedModification(instanceKey, "nowhere");

    assertThat(refused.code()).isEqualTo(400);
    assertThat(refused.details().getDetail()).isEqualTo("Expected to modify instance of process '" + processId
        + "' but it contains one or more activate instructions with an element that could not be found: 'nowhere'");
    assertThat(engine.elementEvents(instanceKey)).hasSize(before);
  }

  @Test
  void shouldRefuseActivatingStartAndBoundaryEventsAndEventsAfterAnEventBasedGateway() {
    String processId = TestEngine.uniqueProcessId();
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent("start")
        .serviceTask("task", t -> t.zeebeJobType(processId)).boundaryEvent("late").timerWithDuration("PT1H")
        .endEvent("lateEnd").moveToActivity("task").eventBasedGateway("choice")
        .intermediateCatchEvent("timeout").timerWithDuration("PT1M").endEvent("end1").moveToLastGateway()
        .intermediateCatchEvent("reply").message(m -> m.name("reply").zeebeCorrelationKeyExpression("\"r\""))
        .endEvent("end2").done());
    long instanceKey = engine.createInstance(processId, Map.of());
    engine.awaitElement(instanceKey, "task", ProcessInstanceIntent.ELEMENT_ACTIVATED);

    assertThat(refusedModification(instanceKey, "start").details().getDetail())
        .contains("unsupported: 'start'").contains("start events");
    assertThat(refusedModification(instanceKey, "late").details().getDetail())
        .contains("unsupported: 'late'").contains("boundary events");
    assertThat(refusedModification(instanceKey, "reply").details().getDetail())
        .contains("unsupported: 'reply'").contains("event-based gateway");
  }

  @Test
  void shouldRefuseActivatingAnElementInsideAMultiInstanceSubprocess() {
    String processId = TestEngine.uniqueProcessId();
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent("start")
        .serviceTask("first", t -> t.zeebeJobType(processId))
        .subProcess("each", s -> s.multiInstance(m -> m.zeebeInputCollectionExpression("[1,2]")))
        .embeddedSubProcess().startEvent("eachStart").serviceTask("inner", t -> t.zeebeJobType(processId + "-i"))
        .endEvent("eachEnd").subProcessDone().endEvent("end").done());
    long instanceKey = engine.createInstance(processId, Map.of());
    engine.awaitElement(instanceKey, "first", ProcessInstanceIntent.ELEMENT_ACTIVATED);

    assertThat(refusedModification(instanceKey, "inner").details().getDetail())
        .contains("inside a multi-instance element: 'inner'");
  }

  @Test
  void shouldRefuseUnknownInstancesKeysAndScopes() {
    String processId = TestEngine.uniqueProcessId();
    engine.deploy(taskThenSubprocess(processId));
    long instanceKey = engine.createInstance(processId, Map.of());
    engine.awaitElement(instanceKey, "first", ProcessInstanceIntent.ELEMENT_ACTIVATED);
    long firstKey = elementKey(instanceKey, "first");

    ProblemException noInstance = catchThrowableOfType(ProblemException.class, () -> engine.client()
        .newModifyProcessInstanceCommand(2251799813000001L).activateElement("first").send().join());
    ProblemException noElementInstance = catchThrowableOfType(ProblemException.class, () -> engine.client()
        .newModifyProcessInstanceCommand(instanceKey).terminateElement(2251799813000002L).send().join());
    ProblemException root = catchThrowableOfType(ProblemException.class, () -> engine.client()
        .newModifyProcessInstanceCommand(instanceKey).terminateElement(instanceKey).send().join());
    ProblemException notAnAncestor = catchThrowableOfType(ProblemException.class, () -> engine.client()
        .newModifyProcessInstanceCommand(instanceKey).activateElement("inner", firstKey).send().join());
    ProblemException badScope = catchThrowableOfType(ProblemException.class, () -> engine.client()
        .newModifyProcessInstanceCommand(instanceKey).activateElement("first").withVariables(Map.of("a", 1), "ghost")
        .send().join());
    ProblemException scopeElsewhere = catchThrowableOfType(ProblemException.class, () -> engine.client()
        .newModifyProcessInstanceCommand(instanceKey).activateElement("first").withVariables(Map.of("a", 1), "sub")
        .send().join());

    assertThat(noInstance.code()).isEqualTo(404);
    assertThat(noInstance.details().getDetail()).contains("no process instance found with key '2251799813000001'");
    assertThat(noElementInstance.details().getDetail())
        .contains("terminate instructions with an element instance that could not be found: '2251799813000002'");
    assertThat(root.details().getDetail()).contains("the process instance itself").contains("Cancel");
    assertThat(notAnAncestor.details().getDetail())
        .contains("ancestor scope key that is not an ancestor of the element to activate: '" + firstKey + "'");
    assertThat(badScope.details().getDetail()).contains("scope element id that could not be found: 'ghost'");
    assertThat(scopeElsewhere.details().getDetail())
        .contains("doesn't belong to the activating element's flow scope: 'sub'");
    assertThat(engine.hasElementEvent(instanceKey, "first", ProcessInstanceIntent.ELEMENT_TERMINATING)).isFalse();
  }

  private static ProblemException refusedModification(long instanceKey, String elementId) {
    return catchThrowableOfType(ProblemException.class, () -> engine.client()
        .newModifyProcessInstanceCommand(instanceKey).activateElement(elementId).send().join());
  }

  private static ElementInstanceState historyState(long instanceKey, String elementId) {
    List<ElementInstance> items = engine.client().newElementInstanceSearchRequest()
        .filter(f -> f.processInstanceKey(instanceKey).elementId(elementId)).send().join().items();
    return items.isEmpty() ? null : items.get(items.size() - 1).getState();
  }

  private static List<ProcessInstanceIntent> lifecycle(long instanceKey, String elementId) {
    return engine.elementEvents(instanceKey).stream()
        .filter(r -> ((ProcessInstanceRecord) r.value()).elementId().equals(elementId))
        .map(r -> (ProcessInstanceIntent) r.intent()).toList();
  }

  static long elementKey(long instanceKey, String elementId) {
    List<Long> keys = elementKeys(instanceKey, elementId);
    assertThat(keys).as("instances of '%s'", elementId).hasSize(1);
    return keys.get(0);
  }

  static List<Long> elementKeys(long instanceKey, String elementId) {
    return engine.elementEvents(instanceKey).stream()
        .filter(r -> r.intent() == ProcessInstanceIntent.ELEMENT_ACTIVATED
            && ((ProcessInstanceRecord) r.value()).elementId().equals(elementId))
        .map(Record::key).toList();
  }

  private static long flowScopeOf(long elementInstanceKey) {
    return engine.matching(r -> r.valueType() == ValueType.PROCESS_INSTANCE && r.recordType() == RecordType.EVENT
        && r.key() == elementInstanceKey).stream().map(r -> ((ProcessInstanceRecord) r.value()).flowScopeKey())
        .findFirst().orElseThrow();
  }
}
