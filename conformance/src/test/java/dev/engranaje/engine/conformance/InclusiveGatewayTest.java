package dev.engranaje.engine.conformance;

import static dev.engranaje.test.ProcessAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.engine.model.BpmnElementType;
import dev.engranaje.engine.record.ProcessInstanceIntent;
import dev.engranaje.engine.record.ProcessInstanceRecord;
import dev.engranaje.engine.record.Record;
import dev.engranaje.test.ProcessTest;
import dev.engranaje.test.ProcessTestEngine;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.IncidentErrorType;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.response.Incident;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.InclusiveGateway;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Inclusive gateway fork and join (spec §6): scenario 24. */
@ProcessTest(autoTimeSkipping = false)
class InclusiveGatewayTest {
  ProcessTestEngine engine;

  // spec §14 scenario 24
  @Test
  void shouldJoinOnlyTheTwoTakenFlowsWhenTwoOfThreeConditionsAreTrue() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    String jobType = processId + "-work";
    engine.deploy(forkAndJoin(processId, jobType, true));

    // when
    long instanceKey = engine.startInstance(processId, Map.of("x", 7)).key();

    // then: a and b run, c never starts
    List<ActivatedJob> jobs = engine.activateJobs(jobType, 2);
    assertThat(jobs).extracting(ActivatedJob::getElementId).containsExactlyInAnyOrder("a", "b");
    engine.client().newCompleteCommand(jobs.get(0).getKey()).send().join();
    assertThat(engine.instance(instanceKey)).hasPassedElements(jobs.get(0).getElementId());
    assertThat(engine.records().hasElementEvent(instanceKey, "join", ProcessInstanceIntent.ELEMENT_ACTIVATING))
        .as("join fired before the second taken flow").isFalse();

    // when
    engine.client().newCompleteCommand(jobs.get(1).getKey()).send().join();

    // then
    assertThat(engine.instance(instanceKey)).isCompleted();
    assertThat(elements(instanceKey, BpmnElementType.INCLUSIVE_GATEWAY).stream()
        .filter(r -> value(r).elementId().equals("join") && r.intent() == ProcessInstanceIntent.ELEMENT_COMPLETED))
        .hasSize(1);
    assertThat(engine.records().hasElementEvent(instanceKey, "c", ProcessInstanceIntent.ELEMENT_ACTIVATING)).isFalse();
    assertThat(elements(instanceKey, BpmnElementType.END_EVENT)).extracting(r -> value(r).elementId())
        .containsOnly("end");
  }

  // spec §14 scenario 24
  @Test
  void shouldTakeDefaultFlowWhenNoConditionIsTrue() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    String jobType = processId + "-work";
    engine.deploy(forkAndJoin(processId, jobType, true));

    // when
    long instanceKey = engine.startInstance(processId, Map.of("x", 0)).key();

    // then
    assertThat(engine.instance(instanceKey)).isCompleted();
    assertThat(engine.records().hasElementEvent(instanceKey, "otherwise", ProcessInstanceIntent.ELEMENT_COMPLETED)).isTrue();
    assertThat(engine.records().hasElementEvent(instanceKey, "join", ProcessInstanceIntent.ELEMENT_COMPLETED)).isTrue();
  }

  // spec §14 scenario 24
  @Test
  void shouldRaiseConditionErrorWhenNoConditionIsTrueAndThereIsNoDefault() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    String jobType = processId + "-work";
    engine.deploy(forkAndJoin(processId, jobType, false));

    // when
    long instanceKey = engine.startInstance(processId, Map.of("x", 0)).key();

    // then
    assertThat(engine.instance(instanceKey)).hasIncident();
    List<Incident> incidents = engine.incidents(instanceKey);
    assertThat(incidents).hasSize(1);
    assertThat(incidents.get(0).getErrorType()).isEqualTo(IncidentErrorType.CONDITION_ERROR);
    assertThat(incidents.get(0).getElementId()).isEqualTo("fork");
    assertThat(incidents.get(0).getState()).isEqualTo(IncidentState.ACTIVE);

    // when
    engine.client().newSetVariablesCommand(instanceKey).variables(Map.of("x", 20)).send().join();
    engine.client().newResolveIncidentCommand(incidents.get(0).getIncidentKey()).send().join();

    // then: all three branches run and the join waits for all of them
    List<ActivatedJob> jobs = engine.activateJobs(jobType, 3);
    assertThat(jobs).extracting(ActivatedJob::getElementId).containsExactlyInAnyOrder("a", "b", "c");
    jobs.forEach(job -> engine.client().newCompleteCommand(job.getKey()).send().join());
    assertThat(engine.instance(instanceKey)).isCompleted();
    assertThat(elements(instanceKey, BpmnElementType.INCLUSIVE_GATEWAY).stream()
        .filter(r -> value(r).elementId().equals("join") && r.intent() == ProcessInstanceIntent.ELEMENT_COMPLETED))
        .hasSize(1);
  }

  private BpmnModelInstance forkAndJoin(String processId, String jobType, boolean withDefault) {
    var builder = Bpmn.createExecutableProcess(processId).startEvent("start").inclusiveGateway("fork")
        .sequenceFlowId("toA").conditionExpression("x > 5").serviceTask("a", t -> t.zeebeJobType(jobType))
        .inclusiveGateway("join").endEvent("end")
        .moveToNode("fork").sequenceFlowId("toB").conditionExpression("x > 1")
        .serviceTask("b", t -> t.zeebeJobType(jobType)).connectTo("join")
        .moveToNode("fork").sequenceFlowId("toC").conditionExpression("x > 10")
        .serviceTask("c", t -> t.zeebeJobType(jobType)).connectTo("join");
    if (!withDefault) {
      return builder.done();
    }
    BpmnModelInstance model = builder.moveToNode("fork").sequenceFlowId("toDefault").manualTask("otherwise")
        .connectTo("join").done();
    InclusiveGateway fork = model.getModelElementById("fork");
    fork.setDefault(model.getModelElementById("toDefault"));
    return model;
  }

  private List<Record> elements(long instanceKey, BpmnElementType type) {
    return engine.records().elementEvents(instanceKey).stream().filter(r -> value(r).bpmnElementType() == type).toList();
  }

  private ProcessInstanceRecord value(Record record) {
    return (ProcessInstanceRecord) record.value();
  }
}
