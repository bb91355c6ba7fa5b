package dev.engranaje.engine.conformance;

import static dev.engranaje.test.ProcessAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.engranaje.engine.model.BpmnElementType;
import dev.engranaje.engine.record.IncidentRecord;
import dev.engranaje.engine.record.JobIntent;
import dev.engranaje.engine.record.ProcessInstanceIntent;
import dev.engranaje.engine.record.ProcessInstanceRecord;
import dev.engranaje.engine.record.Record;
import dev.engranaje.engine.record.RecordType;
import dev.engranaje.engine.record.ValueType;
import dev.engranaje.engine.record.VariableRecord;
import dev.engranaje.test.ProcessTest;
import dev.engranaje.test.ProcessTestEngine;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.IncidentErrorType;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.ProcessInstance;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Call activities (spec §8): scenario 20 (variables both ways, a missing called process, cancelling
 * the child or the parent), the call-activity half of scenario 16 (errors bubble to the caller), and
 * boundary events on the call activity.
 */
@ProcessTest(autoTimeSkipping = false)
class CallActivityTest {
  ProcessTestEngine engine;

  // spec §14 scenario 20
  @Test
  void shouldCopyVariablesInAndChildRootVariablesOutWhenPropagationIsDefault() {
    // given
    String childId = ProcessTestEngine.uniqueId("process");
    String parentId = ProcessTestEngine.uniqueId("process");
    String type = childId + "-work";
    engine.deploy(Bpmn.createExecutableProcess(childId).startEvent("start").serviceTask("task", t -> t.zeebeJobType(type)).endEvent("end").done());
    engine.deploy(Bpmn.createExecutableProcess(parentId).startEvent("start")
        .callActivity("call", c -> c.zeebeProcessId(childId)).endEvent("end").done());
    long parentKey = engine.startInstance(parentId, Map.of("x", 1)).key();

    // when
    ActivatedJob job = engine.activateJob(type);
    engine.client().newCompleteCommand(job.getKey()).variables(Map.of("y", 2)).send().join();

    // then
    assertThat(engine.instance(parentKey)).isCompleted();
    long childKey = childInstanceKey(parentKey);
    assertThat(job.getProcessInstanceKey()).isEqualTo(childKey);
    assertThat(job.getVariablesAsMap()).containsEntry("x", 1);
    assertThat(variablesWritten(parentKey)).containsEntry("x", "1").containsEntry("y", "2");
    assertThat(elementEvents(parentKey, childKey)).extracting(CallActivityTest::elementType, Record::intent)
        .containsSubsequence(
            tuple(BpmnElementType.CALL_ACTIVITY, ProcessInstanceIntent.ELEMENT_ACTIVATING),
            tuple(BpmnElementType.PROCESS, ProcessInstanceIntent.ELEMENT_ACTIVATING),
            tuple(BpmnElementType.CALL_ACTIVITY, ProcessInstanceIntent.ELEMENT_ACTIVATED),
            tuple(BpmnElementType.SERVICE_TASK, ProcessInstanceIntent.ELEMENT_COMPLETED),
            tuple(BpmnElementType.PROCESS, ProcessInstanceIntent.ELEMENT_COMPLETED),
            tuple(BpmnElementType.CALL_ACTIVITY, ProcessInstanceIntent.ELEMENT_COMPLETING),
            tuple(BpmnElementType.CALL_ACTIVITY, ProcessInstanceIntent.ELEMENT_COMPLETED),
            tuple(BpmnElementType.PROCESS, ProcessInstanceIntent.ELEMENT_COMPLETED));
    ProcessInstance child = engine.client().newProcessInstanceGetRequest(childKey).send().join();
    assertThat(child.getParentProcessInstanceKey()).isEqualTo(parentKey);
    assertThat(child.getParentElementInstanceKey()).isEqualTo(callActivityKey(parentKey));
    assertThat(child.getState()).isEqualTo(ProcessInstanceState.COMPLETED);
  }

  // spec §14 scenario 20
  @Test
  void shouldReturnNothingWhenPropagateAllChildVariablesIsFalse() {
    // given
    String childId = ProcessTestEngine.uniqueId("process");
    String parentId = ProcessTestEngine.uniqueId("process");
    String type = childId + "-work";
    engine.deploy(Bpmn.createExecutableProcess(childId).startEvent("start").serviceTask("task", t -> t.zeebeJobType(type)).endEvent("end").done());
    engine.deploy(Bpmn.createExecutableProcess(parentId).startEvent("start")
        .callActivity("call", c -> c.zeebeProcessId(childId).zeebePropagateAllChildVariables(false))
        .endEvent("end").done());
    long parentKey = engine.startInstance(parentId, Map.of("x", 1)).key();

    // when
    engine.client().newCompleteCommand(engine.activateJob(type).getKey()).variables(Map.of("y", 2)).send().join();

    // then
    assertThat(engine.instance(parentKey)).isCompleted();
    assertThat(variablesWritten(parentKey)).containsOnlyKeys("x");
  }

  @Test
  void shouldCopyOnlyLocalsInAndOnlyMappedOutputsOutWhenConfigured() {
    // given
    String childId = ProcessTestEngine.uniqueId("process");
    String parentId = ProcessTestEngine.uniqueId("process");
    String type = childId + "-work";
    engine.deploy(Bpmn.createExecutableProcess(childId).startEvent("start").serviceTask("task", t -> t.zeebeJobType(type)).endEvent("end").done());
    engine.deploy(Bpmn.createExecutableProcess(parentId).startEvent("start")
        .callActivity("call", c -> c.zeebeProcessId(childId).zeebePropagateAllParentVariables(false)
            .zeebeInputExpression("x + 1", "input").zeebeOutputExpression("y * 10", "result"))
        .endEvent("end").done());
    long parentKey = engine.startInstance(parentId, Map.of("x", 1, "secret", "s")).key();

    // when
    ActivatedJob job = engine.activateJob(type);
    engine.client().newCompleteCommand(job.getKey()).variables(Map.of("y", 2)).send().join();

    // then
    assertThat(engine.instance(parentKey)).isCompleted();
    assertThat(job.getVariablesAsMap()).containsOnlyKeys("input").containsEntry("input", 2);
    assertThat(variablesWritten(parentKey)).containsOnlyKeys("x", "secret", "result").containsEntry("result", "20");
  }

  @Test
  void shouldCallProcessIdFromExpressionAndContinueWhenChildEndsWithTerminateEndEvent() {
    // given
    String childId = ProcessTestEngine.uniqueId("process");
    String parentId = ProcessTestEngine.uniqueId("process");
    engine.deploy(Bpmn.createExecutableProcess(childId).startEvent("start").parallelGateway("fork")
        .serviceTask("never", t -> t.zeebeJobType(childId + "-never")).endEvent("neverEnd")
        .moveToNode("fork").endEvent("stop", e -> e.terminate())
        .done());
    engine.deploy(Bpmn.createExecutableProcess(parentId).startEvent("start")
        .callActivity("call", c -> c.zeebeProcessIdExpression("target")).endEvent("end").done());

    // when
    long parentKey = engine.startInstance(parentId, Map.of("target", childId)).key();

    // then
    assertThat(engine.instance(parentKey)).isCompleted();
    long childKey = childInstanceKey(parentKey);
    assertThat(engine.records().elementEvents(childKey)).extracting(r -> value(r).elementId(), Record::intent)
        .containsSubsequence(
            tuple("stop", ProcessInstanceIntent.ELEMENT_COMPLETED),
            tuple("never", ProcessInstanceIntent.ELEMENT_TERMINATED),
            tuple(childId, ProcessInstanceIntent.ELEMENT_COMPLETED));
    assertThat(engine.records().hasElementEvent(parentKey, "end", ProcessInstanceIntent.ELEMENT_COMPLETED)).isTrue();
  }

  // spec §14 scenario 20
  @Test
  void shouldRaiseCalledElementErrorWhenProcessIsMissingAndContinueAfterDeployingIt() {
    // given
    String childId = ProcessTestEngine.uniqueId("process");
    String parentId = ProcessTestEngine.uniqueId("process");
    engine.deploy(Bpmn.createExecutableProcess(parentId).startEvent("start")
        .callActivity("call", c -> c.zeebeProcessId(childId)).endEvent("end").done());

    // when
    long parentKey = engine.startInstance(parentId, Map.of()).key();

    // then
    assertThat(engine.instance(parentKey)).hasIncident();
    List<Incident> incidents = engine.incidents(parentKey);
    assertThat(incidents).singleElement().satisfies(incident -> {
      assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.CALLED_ELEMENT_ERROR);
      assertThat(incident.getErrorMessage())
          .isEqualTo("Expected process with BPMN process id '" + childId + "' to be deployed, but not found.");
      assertThat(incident.getElementId()).isEqualTo("call");
    });

    // when
    engine.deploy(Bpmn.createExecutableProcess(childId).startEvent("childStart").endEvent("childEnd").done());
    engine.client().newResolveIncidentCommand(incidents.get(0).getIncidentKey()).send().join();

    // then
    assertThat(engine.instance(parentKey)).isCompleted();
    assertThat(engine.records().elementEvents(childInstanceKey(parentKey))).isNotEmpty();
  }

  @Test
  void shouldRaiseCalledElementErrorWhenCallsNestDeeperThanTheLimit() {
    // given: a process that calls itself
    String processId = ProcessTestEngine.uniqueId("process");
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent("start")
        .callActivity("again", c -> c.zeebeProcessId(processId)).endEvent("end").done());

    // when
    engine.startInstance(processId, Map.of()).key();

    // then
    engine.awaitIdle(); // the recursion stopped with an incident
    List<Record> incidents = engine.records().matching(
        r -> r.valueType() == ValueType.INCIDENT && ((IncidentRecord) r.value()).bpmnProcessId().equals(processId));
    assertThat(incidents).singleElement().satisfies(r -> {
      IncidentRecord incident = (IncidentRecord) r.value();
      assertThat(incident.errorType()).isEqualTo("CALLED_ELEMENT_ERROR");
      assertThat(incident.errorMessage()).startsWith("Expected the call activity 'again' to create a process instance"
          + " at a depth of at most 1000, but");
    });
    assertThat(engine.records().matching(r -> r.valueType() == ValueType.PROCESS_INSTANCE
        && r.intent() == ProcessInstanceIntent.ELEMENT_ACTIVATING && value(r).bpmnProcessId().equals(processId)
        && value(r).bpmnElementType() == BpmnElementType.PROCESS)).hasSize(1001);
  }

  @Test
  void shouldRejectDeploymentWhenCallActivityHasNoCalledProcessId() {
    // given
    String parentId = ProcessTestEngine.uniqueId("process");
    String fileName = parentId + ".bpmn";
    BpmnModelInstance model = Bpmn.createExecutableProcess(parentId).startEvent("start").callActivity("call")
        .endEvent("end").done();

    // when
    ProblemException problem = catchThrowableOfType(ProblemException.class, () -> engine.client()
        .newDeployResourceCommand().addProcessModel(model, fileName).send().join());

    // then
    assertThat(problem.code()).isEqualTo(400);
    assertThat(problem.details().getDetail()).contains(fileName).contains("'call'")
        .contains("Expected a 'zeebe:calledElement' with a non-empty 'processId', but none was found");
  }

  // spec §14 scenario 20
  @Test
  void shouldRejectCancellingTheChildInstance() {
    // given
    String childId = ProcessTestEngine.uniqueId("process");
    String parentId = ProcessTestEngine.uniqueId("process");
    engine.deploy(Bpmn.createExecutableProcess(childId).startEvent("start").serviceTask("task", t -> t.zeebeJobType(childId + "-work")).endEvent("end").done());
    engine.deploy(Bpmn.createExecutableProcess(parentId).startEvent("start")
        .callActivity("call", c -> c.zeebeProcessId(childId)).endEvent("end").done());
    long parentKey = engine.startInstance(parentId, Map.of()).key();
    engine.activateJob(childId + "-work");
    long childKey = childInstanceKey(parentKey);

    // when
    ProblemException problem = catchThrowableOfType(ProblemException.class,
        () -> engine.client().newCancelInstanceCommand(childKey).send().join());

    // then
    assertThat(problem.code()).isEqualTo(409);
    assertThat(problem.details().getDetail()).contains("'" + childKey + "'")
        .contains("Cancel the root process instance '" + parentKey + "' instead.");
    ProcessInstance child = engine.client().newProcessInstanceGetRequest(childKey).send().join();
    assertThat(child.getState()).isEqualTo(ProcessInstanceState.ACTIVE);
  }

  // spec §14 scenario 20
  @Test
  void shouldTerminateChildWhenParentIsCancelled() {
    // given
    String childId = ProcessTestEngine.uniqueId("process");
    String parentId = ProcessTestEngine.uniqueId("process");
    String type = childId + "-work";
    engine.deploy(Bpmn.createExecutableProcess(childId).startEvent("start").serviceTask("task", t -> t.zeebeJobType(type)).endEvent("end").done());
    engine.deploy(Bpmn.createExecutableProcess(parentId).startEvent("start")
        .callActivity("call", c -> c.zeebeProcessId(childId)).endEvent("end").done());
    long parentKey = engine.startInstance(parentId, Map.of()).key();
    ActivatedJob job = engine.activateJob(type);
    long childKey = childInstanceKey(parentKey);

    // when
    engine.client().newCancelInstanceCommand(parentKey).send().join();

    // then
    assertThat(engine.instance(parentKey)).isTerminated();
    assertThat(elementEvents(parentKey, childKey)).extracting(CallActivityTest::elementType, Record::intent)
        .containsSubsequence(
            tuple(BpmnElementType.PROCESS, ProcessInstanceIntent.ELEMENT_TERMINATING),
            tuple(BpmnElementType.CALL_ACTIVITY, ProcessInstanceIntent.ELEMENT_TERMINATING),
            tuple(BpmnElementType.PROCESS, ProcessInstanceIntent.ELEMENT_TERMINATING),
            tuple(BpmnElementType.SERVICE_TASK, ProcessInstanceIntent.ELEMENT_TERMINATED),
            tuple(BpmnElementType.PROCESS, ProcessInstanceIntent.ELEMENT_TERMINATED),
            tuple(BpmnElementType.CALL_ACTIVITY, ProcessInstanceIntent.ELEMENT_TERMINATED),
            tuple(BpmnElementType.PROCESS, ProcessInstanceIntent.ELEMENT_TERMINATED));
    assertThat(jobEvents(job.getKey())).containsExactly(JobIntent.CREATED, JobIntent.CANCELED);
    assertThat(engine.client().newProcessInstanceGetRequest(childKey).send().join().getState())
        .isEqualTo(ProcessInstanceState.TERMINATED);
  }

  // spec §14 scenario 16 (call activity)
  @Test
  void shouldCatchUncaughtErrorEndEventOfChildAtCallActivityBoundary() {
    // given
    String childId = ProcessTestEngine.uniqueId("process");
    String parentId = ProcessTestEngine.uniqueId("process");
    String type = childId + "-work";
    engine.deploy(Bpmn.createExecutableProcess(childId).startEvent("start").parallelGateway("fork")
        .serviceTask("work", t -> t.zeebeJobType(type)).endEvent("workEnd")
        .moveToNode("fork").endEvent("fail", e -> e.error("E1"))
        .done());
    engine.deploy(Bpmn.createExecutableProcess(parentId).startEvent("start")
        .callActivity("call", c -> c.zeebeProcessId(childId)).endEvent("end")
        .moveToActivity("call").boundaryEvent("onError", b -> b.error("E1")).endEvent("handled")
        .done());

    // when
    long parentKey = engine.startInstance(parentId, Map.of()).key();

    // then
    assertThat(engine.instance(parentKey)).isCompleted();
    long childKey = childInstanceKey(parentKey);
    assertThat(elementEvents(parentKey, childKey)).extracting(r -> value(r).elementId(), Record::intent)
        .containsSubsequence(
            tuple("fail", ProcessInstanceIntent.ELEMENT_ACTIVATING),
            tuple("call", ProcessInstanceIntent.ELEMENT_TERMINATING),
            tuple(childId, ProcessInstanceIntent.ELEMENT_TERMINATING),
            tuple("work", ProcessInstanceIntent.ELEMENT_TERMINATED),
            tuple(childId, ProcessInstanceIntent.ELEMENT_TERMINATED),
            tuple("call", ProcessInstanceIntent.ELEMENT_TERMINATED),
            tuple("onError", ProcessInstanceIntent.ELEMENT_ACTIVATING),
            tuple("handled", ProcessInstanceIntent.ELEMENT_COMPLETED),
            tuple(parentId, ProcessInstanceIntent.ELEMENT_COMPLETED))
        .doesNotContain(tuple("end", ProcessInstanceIntent.ELEMENT_ACTIVATING));
    assertThat(engine.incidents(parentKey)).isEmpty();
    assertThat(engine.incidents(childKey)).isEmpty();
  }

  @Test
  void shouldCatchErrorThrownByJobInChildWithCatchAllOnCallActivity() {
    // given
    String childId = ProcessTestEngine.uniqueId("process");
    String parentId = ProcessTestEngine.uniqueId("process");
    String type = childId + "-work";
    engine.deploy(Bpmn.createExecutableProcess(childId).startEvent("start").serviceTask("task", t -> t.zeebeJobType(type)).endEvent("end").done());
    engine.deploy(Bpmn.createExecutableProcess(parentId).startEvent("start")
        .callActivity("call", c -> c.zeebeProcessId(childId)).endEvent("end")
        .moveToActivity("call").boundaryEvent("onAny", b -> b.error()).endEvent("handled")
        .done());
    long parentKey = engine.startInstance(parentId, Map.of()).key();
    ActivatedJob job = engine.activateJob(type);

    // when
    engine.client().newThrowErrorCommand(job.getKey()).errorCode("DECLINED").send().join();

    // then
    assertThat(engine.instance(parentKey)).isCompleted();
    assertThat(engine.records().hasElementEvent(parentKey, "handled", ProcessInstanceIntent.ELEMENT_COMPLETED)).isTrue();
    assertThat(engine.records().hasElementEvent(job.getProcessInstanceKey(), childId, ProcessInstanceIntent.ELEMENT_TERMINATED))
        .isTrue();
    assertThat(jobEvents(job.getKey())).containsExactly(JobIntent.CREATED, JobIntent.ERROR_THROWN);
  }

  @Test
  void shouldRaiseIncidentInChildWhenErrorIsNotCaughtInParentEither() {
    // given
    String childId = ProcessTestEngine.uniqueId("process");
    String parentId = ProcessTestEngine.uniqueId("process");
    String type = childId + "-work";
    engine.deploy(Bpmn.createExecutableProcess(childId).startEvent("start").serviceTask("task", t -> t.zeebeJobType(type)).endEvent("end").done());
    engine.deploy(Bpmn.createExecutableProcess(parentId).startEvent("start")
        .callActivity("call", c -> c.zeebeProcessId(childId)).endEvent("end")
        .moveToActivity("call").boundaryEvent("onOther", b -> b.error("OTHER")).endEvent("handled")
        .done());
    long parentKey = engine.startInstance(parentId, Map.of()).key();
    ActivatedJob job = engine.activateJob(type);

    // when
    engine.client().newThrowErrorCommand(job.getKey()).errorCode("DECLINED").send().join();

    // then
    assertThat(engine.instance(job.getProcessInstanceKey())).hasIncident();
    List<Incident> incidents = engine.incidents(job.getProcessInstanceKey());
    assertThat(incidents).singleElement().satisfies(incident -> {
      assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.UNHANDLED_ERROR_EVENT);
      assertThat(incident.getErrorMessage()).contains("'DECLINED'").contains("OTHER");
    });
  }

  @Test
  void shouldTerminateChildWhenInterruptingTimerOnCallActivityFires() {
    // given
    String childId = ProcessTestEngine.uniqueId("process");
    String parentId = ProcessTestEngine.uniqueId("process");
    String type = childId + "-work";
    engine.deploy(Bpmn.createExecutableProcess(childId).startEvent("start").serviceTask("task", t -> t.zeebeJobType(type)).endEvent("end").done());
    engine.deploy(Bpmn.createExecutableProcess(parentId).startEvent("start")
        .callActivity("call", c -> c.zeebeProcessId(childId)).endEvent("end")
        .moveToActivity("call").boundaryEvent("timeout", b -> b.timerWithDuration("PT1M")).endEvent("timedOut")
        .done());
    long parentKey = engine.startInstance(parentId, Map.of()).key();
    ActivatedJob job = engine.activateJob(type);

    // when
    engine.advance(Duration.ofSeconds(90)); // the job's own timeout is 5 minutes

    // then
    assertThat(engine.instance(parentKey)).isCompleted();
    assertThat(engine.records().hasElementEvent(parentKey, "timedOut", ProcessInstanceIntent.ELEMENT_COMPLETED)).isTrue();
    assertThat(engine.records().hasElementEvent(job.getProcessInstanceKey(), childId, ProcessInstanceIntent.ELEMENT_TERMINATED))
        .isTrue();
    assertThat(jobEvents(job.getKey())).containsExactly(JobIntent.CREATED, JobIntent.CANCELED);
  }

  @Test
  void shouldTerminateChildWhenMessageOnCallActivityBoundaryIsCorrelated() {
    // given
    String childId = ProcessTestEngine.uniqueId("process");
    String parentId = ProcessTestEngine.uniqueId("process");
    String type = childId + "-work";
    String orderId = "order-" + childId;
    engine.deploy(Bpmn.createExecutableProcess(childId).startEvent("start").serviceTask("task", t -> t.zeebeJobType(type)).endEvent("end").done());
    engine.deploy(Bpmn.createExecutableProcess(parentId).startEvent("start")
        .callActivity("call", c -> c.zeebeProcessId(childId)).endEvent("end")
        .moveToActivity("call").boundaryEvent("cancelled", b -> b.message(m -> m.name("order-cancelled")
            .zeebeCorrelationKeyExpression("orderId"))).endEvent("stopped")
        .done());
    long parentKey = engine.startInstance(parentId, Map.of("orderId", orderId)).key();
    ActivatedJob job = engine.activateJob(type);

    // when
    engine.client().newPublishMessageCommand().messageName("order-cancelled").correlationKey(orderId)
        .variables(Map.of("reason", "customer")).send().join();

    // then
    assertThat(engine.instance(parentKey)).isCompleted();
    assertThat(engine.records().hasElementEvent(parentKey, "stopped", ProcessInstanceIntent.ELEMENT_COMPLETED)).isTrue();
    assertThat(engine.records().hasElementEvent(job.getProcessInstanceKey(), childId, ProcessInstanceIntent.ELEMENT_TERMINATED))
        .isTrue();
    assertThat(jobEvents(job.getKey())).containsExactly(JobIntent.CREATED, JobIntent.CANCELED);
  }

  private long childInstanceKey(long parentKey) {
    engine.awaitIdle();
    assertThat(childActivations(parentKey)).as("a child of " + parentKey + " was created").isNotEmpty();
    return childActivations(parentKey).get(0).key();
  }

  private List<Record> childActivations(long parentKey) {
    return engine.records().matching(r -> r.valueType() == ValueType.PROCESS_INSTANCE && r.recordType() == RecordType.EVENT
        && r.intent() == ProcessInstanceIntent.ELEMENT_ACTIVATING && value(r).bpmnElementType() == BpmnElementType.PROCESS
        && value(r).parentProcessInstanceKey() == parentKey);
  }

  private long callActivityKey(long parentKey) {
    return engine.records().elementEvents(parentKey).stream().filter(r -> value(r).bpmnElementType() == BpmnElementType.CALL_ACTIVITY)
        .findFirst().orElseThrow().key();
  }

  /** Element events of a parent and its child instance, in log order. */
  private List<Record> elementEvents(long parentKey, long childKey) {
    return engine.records().matching(r -> r.valueType() == ValueType.PROCESS_INSTANCE && r.recordType() == RecordType.EVENT
        && (value(r).processInstanceKey() == parentKey || value(r).processInstanceKey() == childKey));
  }

  /** The last value written for each variable of a scope, as JSON text. */
  private Map<String, String> variablesWritten(long scopeKey) {
    Map<String, String> variables = new LinkedHashMap<>();
    engine.records().matching(r -> r.valueType() == ValueType.VARIABLE && r.recordType() == RecordType.EVENT
            && ((VariableRecord) r.value()).scopeKey() == scopeKey)
        .forEach(r -> variables.put(((VariableRecord) r.value()).name(), ((VariableRecord) r.value()).value()));
    return variables;
  }

  private List<JobIntent> jobEvents(long jobKey) {
    return engine.records().matching(r -> r.valueType() == ValueType.JOB && r.recordType() == RecordType.EVENT && r.key() == jobKey)
        .stream().map(r -> (JobIntent) r.intent()).toList();
  }

  private static BpmnElementType elementType(Record record) {
    return value(record).bpmnElementType();
  }

  private static ProcessInstanceRecord value(Record record) {
    return (ProcessInstanceRecord) record.value();
  }
}
