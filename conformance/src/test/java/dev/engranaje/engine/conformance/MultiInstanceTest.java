package dev.engranaje.engine.conformance;

import static dev.engranaje.test.ProcessAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.engranaje.engine.model.BpmnElementType;
import dev.engranaje.engine.record.JobIntent;
import dev.engranaje.engine.record.JobRecord;
import dev.engranaje.engine.record.ProcessInstanceIntent;
import dev.engranaje.engine.record.ProcessInstanceRecord;
import dev.engranaje.engine.record.Record;
import dev.engranaje.engine.record.RecordType;
import dev.engranaje.engine.record.ValueType;
import dev.engranaje.engine.record.VariableRecord;
import dev.engranaje.test.ProcessTest;
import dev.engranaje.test.ProcessTestEngine;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.IncidentErrorType;
import io.camunda.client.api.search.response.Incident;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Multi-instance activities (spec §9, §7.4): scenarios 21 and 22. */
@ProcessTest(autoTimeSkipping = false)
class MultiInstanceTest {
  ProcessTestEngine engine;

  private static BpmnModelInstance parallelTask(String processId, String type) {
    return Bpmn.createExecutableProcess(processId).startEvent("start")
        .serviceTask("each", t -> t.zeebeJobType(type).multiInstance(m -> m.parallel()
            .zeebeInputCollectionExpression("items").zeebeInputElement("item")
            .zeebeOutputCollection("results").zeebeOutputElementExpression("result")))
        .endEvent("end").done();
  }

  @Test
  void shouldCollectResultsInItemOrderWhenParallelJobsCompleteOutOfOrder() {
    // given scenario 21
    String processId = ProcessTestEngine.uniqueId("process");
    String type = processId + "-each";
    engine.deploy(parallelTask(processId, type));
    long instanceKey = engine.startInstance(processId, Map.of("items", List.of("a", "b", "c"))).key();
    List<ActivatedJob> jobs = activateAll(type, 3);

    // when the jobs complete c, a, b
    for (String item : List.of("c", "a", "b")) {
      ActivatedJob job = jobs.stream().filter(j -> item.equals(j.getVariablesAsMap().get("item"))).findFirst().orElseThrow();
      engine.client().newCompleteCommand(job.getKey()).variables(Map.of("result", item)).send().join();
    }

    // then
    assertThat(engine.instance(instanceKey)).isCompleted();
    assertThat(jobs).extracting(j -> j.getVariablesAsMap().get("loopCounter")).containsExactlyInAnyOrder(1, 2, 3);
    assertThat(rootVariables(instanceKey)).containsEntry("results", "[\"a\",\"b\",\"c\"]")
        .doesNotContainKeys("loopCounter", "item", "result");
    assertThat(engine.records().elementEvents(instanceKey)).filteredOn(r -> "each".equals(value(r).elementId()))
        .extracting(r -> value(r).bpmnElementType(), Record::intent)
        .startsWith(
            tuple(BpmnElementType.MULTI_INSTANCE_BODY, ProcessInstanceIntent.ELEMENT_ACTIVATING),
            tuple(BpmnElementType.MULTI_INSTANCE_BODY, ProcessInstanceIntent.ELEMENT_ACTIVATED),
            tuple(BpmnElementType.SERVICE_TASK, ProcessInstanceIntent.ELEMENT_ACTIVATING))
        .endsWith(
            tuple(BpmnElementType.SERVICE_TASK, ProcessInstanceIntent.ELEMENT_COMPLETED),
            tuple(BpmnElementType.MULTI_INSTANCE_BODY, ProcessInstanceIntent.ELEMENT_COMPLETING),
            tuple(BpmnElementType.MULTI_INSTANCE_BODY, ProcessInstanceIntent.ELEMENT_COMPLETED));
  }

  @Test
  void shouldCompleteAtOnceWithEmptyOutputWhenCollectionIsEmpty() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    engine.deploy(parallelTask(processId, processId + "-each"));

    // when
    long instanceKey = engine.startInstance(processId, Map.of("items", List.of())).key();

    // then
    assertThat(engine.instance(instanceKey)).isCompleted();
    assertThat(rootVariables(instanceKey)).containsEntry("results", "[]");
    assertThat(engine.records().elementEvents(instanceKey))
        .noneMatch(r -> value(r).bpmnElementType() == BpmnElementType.SERVICE_TASK);
  }

  @Test
  void shouldRunTwoInstancesOneAfterTheOtherWhenSequentialCompletionConditionHolds() {
    // given scenario 22
    String processId = ProcessTestEngine.uniqueId("process");
    String type = processId + "-each";
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent("start")
        .serviceTask("each", t -> t.zeebeJobType(type).multiInstance(m -> m.sequential()
            .zeebeInputCollectionExpression("items").zeebeInputElement("item")
            .completionCondition("=numberOfCompletedInstances >= 2")))
        .endEvent("end").done());
    long instanceKey = engine.startInstance(processId, Map.of("items", List.of(1, 2, 3, 4, 5))).key();

    // when
    ActivatedJob first = engine.activateJob(type);
    assertThat(engine.activateJobs(type, 10)).isEmpty();
    engine.client().newCompleteCommand(first.getKey()).send().join();
    ActivatedJob second = engine.activateJob(type);
    engine.client().newCompleteCommand(second.getKey()).send().join();

    // then
    assertThat(engine.instance(instanceKey)).isCompleted();
    assertThat(List.of(first, second)).extracting(j -> j.getVariablesAsMap().get("item")).containsExactly(1, 2);
    assertThat(engine.records().elementEvents(instanceKey)).filteredOn(r -> value(r).bpmnElementType() == BpmnElementType.SERVICE_TASK
        && r.intent() == ProcessInstanceIntent.ELEMENT_ACTIVATING).hasSize(2);
  }

  @Test
  void shouldRaiseExtractValueErrorWhenInputCollectionIsNoArrayAndContinueAfterSetVariables() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    String type = processId + "-each";
    engine.deploy(parallelTask(processId, type));
    long instanceKey = engine.startInstance(processId, Map.of("items", "not a list")).key();
    assertThat(engine.instance(instanceKey)).hasIncident();
    Incident incident = engine.incidents(instanceKey).get(0);

    // when
    engine.client().newSetVariablesCommand(instanceKey).variables(Map.of("items", List.of("x"))).send().join();
    engine.client().newResolveIncidentCommand(incident.getIncidentKey()).send().join();
    ActivatedJob job = engine.activateJob(type);
    engine.client().newCompleteCommand(job.getKey()).variables(Map.of("result", "done")).send().join();

    // then
    assertThat(engine.instance(instanceKey)).isCompleted();
    assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.EXTRACT_VALUE_ERROR);
    assertThat(incident.getElementId()).isEqualTo("each");
    assertThat(incident.getErrorMessage())
        .isEqualTo("Expected result of the expression 'items' to be 'ARRAY', but was 'STRING'.");
    assertThat(rootVariables(instanceKey)).containsEntry("results", "[\"done\"]");
  }

  @Test
  void shouldTerminateAllInnerInstancesWhenInterruptingTimerOnBodyFires() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    String type = processId + "-each";
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent("start")
        .serviceTask("each", t -> t.zeebeJobType(type).multiInstance(m -> m.parallel()
            .zeebeInputCollectionExpression("items").zeebeOutputCollection("results").zeebeOutputElementExpression("result")))
        .endEvent("end")
        .moveToActivity("each").boundaryEvent("late", b -> b.timerWithDuration("PT1H")).endEvent("gaveUp").done());
    long instanceKey = engine.startInstance(processId, Map.of("items", List.of(1, 2, 3))).key();
    List<ActivatedJob> jobs = activateAll(type, 3);
    engine.client().newCompleteCommand(jobs.get(0).getKey()).variables(Map.of("result", 1)).send().join();

    // when
    engine.advance(Duration.ofHours(2));

    // then
    assertThat(engine.instance(instanceKey)).isCompleted();
    assertThat(engine.records().hasElementEvent(instanceKey, "gaveUp", ProcessInstanceIntent.ELEMENT_COMPLETED)).isTrue();
    assertThat(engine.records().elementEvents(instanceKey)).filteredOn(r -> "each".equals(value(r).elementId())
        && r.intent() == ProcessInstanceIntent.ELEMENT_TERMINATED)
        .extracting(r -> value(r).bpmnElementType())
        .containsExactly(BpmnElementType.SERVICE_TASK, BpmnElementType.SERVICE_TASK, BpmnElementType.MULTI_INSTANCE_BODY);
    assertThat(engine.records().matching(r -> r.valueType() == ValueType.JOB && r.intent() == JobIntent.CANCELED
        && ((JobRecord) r.value()).processInstanceKey() == instanceKey)).hasSize(2);
    assertThat(rootVariables(instanceKey)).doesNotContainKey("results");
  }

  @Test
  void shouldRunEmbeddedSubprocessOncePerItemWithOwnLocals() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    String type = processId + "-inner";
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent("start")
        .subProcess("sub", s -> s.multiInstance(m -> m.parallel().zeebeInputCollectionExpression("orders")
            .zeebeInputElement("order").zeebeOutputCollection("totals").zeebeOutputElementExpression("order.total")))
        .embeddedSubProcess().startEvent("subStart").serviceTask("price", t -> t.zeebeJobType(type)
            .zeebeOutputExpression("order.qty * 10", "order.total")).endEvent("subEnd")
        .subProcessDone().endEvent("end").done());
    long instanceKey = engine.startInstance(processId,
        Map.of("orders", List.of(Map.of("qty", 1), Map.of("qty", 2)))).key();

    // when
    for (ActivatedJob job : activateAll(type, 2)) {
      engine.client().newCompleteCommand(job.getKey()).send().join();
    }

    // then
    assertThat(engine.instance(instanceKey)).isCompleted();
    assertThat(rootVariables(instanceKey)).containsEntry("totals", "[10,20]").doesNotContainKeys("order");
    assertThat(engine.records().elementEvents(instanceKey)).filteredOn(r -> "sub".equals(value(r).elementId())
        && r.intent() == ProcessInstanceIntent.ELEMENT_COMPLETED)
        .extracting(r -> value(r).bpmnElementType())
        .containsExactly(BpmnElementType.SUB_PROCESS, BpmnElementType.SUB_PROCESS, BpmnElementType.MULTI_INSTANCE_BODY);
  }

  @Test
  void shouldTerminateRemainingInstancesWhenParallelCompletionConditionHolds() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    String type = processId + "-each";
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent("start")
        .serviceTask("each", t -> t.zeebeJobType(type).multiInstance(m -> m.parallel()
            .zeebeInputCollectionExpression("items").zeebeInputElement("item")
            .zeebeOutputCollection("results").zeebeOutputElementExpression("item")
            .completionCondition("=numberOfCompletedInstances = 1 and numberOfActiveInstances = 2"
                + " and numberOfInstances = 3 and numberOfTerminatedInstances = 0")))
        .endEvent("end").done());
    long instanceKey = engine.startInstance(processId, Map.of("items", List.of("a", "b", "c"))).key();
    List<ActivatedJob> jobs = activateAll(type, 3);
    ActivatedJob second = jobs.stream().filter(j -> "b".equals(j.getVariablesAsMap().get("item"))).findFirst().orElseThrow();

    // when
    engine.client().newCompleteCommand(second.getKey()).send().join();

    // then
    assertThat(engine.instance(instanceKey)).isCompleted();
    assertThat(rootVariables(instanceKey)).containsEntry("results", "[null,\"b\",null]");
    assertThat(engine.records().elementEvents(instanceKey)).filteredOn(r -> value(r).bpmnElementType() == BpmnElementType.SERVICE_TASK)
        .extracting(Record::intent).filteredOn(i -> i == ProcessInstanceIntent.ELEMENT_TERMINATED).hasSize(2);
  }

  @Test
  void shouldCatchErrorOfInnerInstanceWithBoundaryOnBody() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    String type = processId + "-each";
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent("start")
        .serviceTask("each", t -> t.zeebeJobType(type).multiInstance(m -> m.parallel()
            .zeebeInputCollectionExpression("items")))
        .endEvent("end")
        .moveToActivity("each").boundaryEvent("failed", b -> b.error("E1")).endEvent("handled").done());
    long instanceKey = engine.startInstance(processId, Map.of("items", List.of(1, 2))).key();
    List<ActivatedJob> jobs = activateAll(type, 2);

    // when
    engine.client().newThrowErrorCommand(jobs.get(0).getKey()).errorCode("E1").send().join();

    // then
    assertThat(engine.instance(instanceKey)).isCompleted();
    assertThat(engine.records().hasElementEvent(instanceKey, "handled", ProcessInstanceIntent.ELEMENT_COMPLETED)).isTrue();
    assertThat(engine.records().hasElementEvent(instanceKey, "end", ProcessInstanceIntent.ELEMENT_COMPLETED)).isFalse();
  }

  @Test
  void shouldKeepOutputMappedResultInInnerInstanceWhenItIsTheOutputElement() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    String type = processId + "-each";
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent("start")
        .serviceTask("each", t -> t.zeebeJobType(type).zeebeOutputExpression("answer", "result")
            .multiInstance(m -> m.parallel().zeebeInputCollectionExpression("items")
                .zeebeOutputCollection("results").zeebeOutputElementExpression("result")))
        .endEvent("end").done());
    long instanceKey = engine.startInstance(processId, Map.of("items", List.of(1, 2))).key();

    // when
    for (ActivatedJob job : activateAll(type, 2)) {
      Object counter = job.getVariablesAsMap().get("loopCounter");
      engine.client().newCompleteCommand(job.getKey()).variables(Map.of("answer", "r" + counter)).send().join();
    }

    // then
    assertThat(engine.instance(instanceKey)).isCompleted();
    assertThat(rootVariables(instanceKey)).containsEntry("results", "[\"r1\",\"r2\"]").doesNotContainKey("result");
  }

  @Test
  void shouldRaiseExtractValueErrorWhenSequentialCollectionShrinks() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    String type = processId + "-each";
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent("start")
        .serviceTask("each", t -> t.zeebeJobType(type).multiInstance(m -> m.sequential()
            .zeebeInputCollectionExpression("items").zeebeInputElement("item")))
        .endEvent("end").done());
    long instanceKey = engine.startInstance(processId, Map.of("items", List.of(1, 2, 3))).key();
    ActivatedJob first = engine.activateJob(type);
    engine.client().newCompleteCommand(first.getKey()).send().join();
    ActivatedJob second = engine.activateJob(type);
    engine.client().newSetVariablesCommand(instanceKey).variables(Map.of("items", List.of(1))).send().join();

    // when
    engine.client().newCompleteCommand(second.getKey()).send().join();
    assertThat(engine.instance(instanceKey)).hasIncident();
    Incident incident = engine.incidents(instanceKey).get(0);
    engine.client().newSetVariablesCommand(instanceKey).variables(Map.of("items", List.of(1, 2))).send().join();
    engine.client().newResolveIncidentCommand(incident.getIncidentKey()).send().join();

    // then
    assertThat(engine.instance(instanceKey)).isCompleted();
    assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.EXTRACT_VALUE_ERROR);
    assertThat(incident.getElementInstanceKey()).isEqualTo(second.getElementInstanceKey());
    assertThat(engine.records().elementEvents(instanceKey)).filteredOn(r -> value(r).bpmnElementType() == BpmnElementType.SERVICE_TASK
        && r.intent() == ProcessInstanceIntent.ELEMENT_ACTIVATING).hasSize(2);
  }

  @Test
  void shouldCallOneChildInstancePerItemAndCollectTheirResults() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    String childId = processId + "-child";
    String type = childId + "-work";
    engine.deploy(Bpmn.createExecutableProcess(childId).startEvent("start").serviceTask("task", t -> t.zeebeJobType(type)).endEvent("end").done());
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent("start")
        // without this, every child hands back the body's whole (copied) output collection, which
        // propagates onto the body and overwrites the results gathered so far
        .callActivity("call", c -> c.zeebeProcessId(childId).zeebePropagateAllChildVariables(false)
            .zeebeOutputExpression("done", "done").multiInstance(m -> m.parallel()
            .zeebeInputCollectionExpression("items").zeebeInputElement("item")
            .zeebeOutputCollection("results").zeebeOutputElementExpression("done")))
        .endEvent("end").done());
    long instanceKey = engine.startInstance(processId, Map.of("items", List.of("a", "b"))).key();

    // when
    for (ActivatedJob job : activateAll(type, 2)) {
      engine.client().newCompleteCommand(job.getKey()).variables(Map.of("done", job.getVariablesAsMap().get("item")))
          .send().join();
    }

    // then
    assertThat(engine.instance(instanceKey)).isCompleted();
    assertThat(rootVariables(instanceKey)).containsEntry("results", "[\"a\",\"b\"]")
        .doesNotContainKeys("item", "loopCounter", "done");
  }

  private List<ActivatedJob> activateAll(String type, int count) {
    List<ActivatedJob> jobs = engine.activateJobs(type, count);
    assertThat(jobs).hasSize(count);
    return jobs;
  }

  /** The last value written for each variable of the root scope, as JSON text. */
  private Map<String, String> rootVariables(long instanceKey) {
    Map<String, String> variables = new LinkedHashMap<>();
    engine.records().matching(r -> r.valueType() == ValueType.VARIABLE && r.recordType() == RecordType.EVENT
            && ((VariableRecord) r.value()).scopeKey() == instanceKey)
        .forEach(r -> variables.put(((VariableRecord) r.value()).name(), ((VariableRecord) r.value()).value()));
    return variables;
  }

  private static ProcessInstanceRecord value(Record record) {
    return (ProcessInstanceRecord) record.value();
  }
}
