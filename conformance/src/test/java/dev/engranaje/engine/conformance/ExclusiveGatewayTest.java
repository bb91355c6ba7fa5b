package dev.engranaje.engine.conformance;

import static dev.engranaje.test.ProcessAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.engranaje.engine.model.BpmnElementType;
import dev.engranaje.engine.record.ProcessInstanceIntent;
import dev.engranaje.engine.record.ProcessInstanceRecord;
import dev.engranaje.engine.record.Record;
import dev.engranaje.test.ProcessTest;
import dev.engranaje.test.ProcessTestEngine;
import io.camunda.client.api.search.enums.IncidentErrorType;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.response.Incident;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Exclusive gateway decisions and their incidents (spec §6, §10): scenario 8. */
@ProcessTest(autoTimeSkipping = false)
class ExclusiveGatewayTest {
  ProcessTestEngine engine;

  // spec §14 scenario 8
  @ParameterizedTest(name = "x = {0} takes {1}")
  @CsvSource({"20, toFirst, first", "7, toSecond, second", "1, toDefault, otherwise"})
  void shouldTakeFirstTrueConditionInXmlOrderElseDefaultFlow(int x, String expectedFlow, String expectedEnd) {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent("start").sequenceFlowId("toXor").exclusiveGateway("xor")
        .sequenceFlowId("toFirst").conditionExpression("x > 10").endEvent("first")
        .moveToNode("xor").sequenceFlowId("toSecond").conditionExpression("x > 5").endEvent("second")
        .moveToLastExclusiveGateway().defaultFlow().sequenceFlowId("toDefault").endEvent("otherwise")
        .done());

    // when
    long instanceKey = engine.startInstance(processId, Map.of("x", x)).key();

    // then
    assertThat(engine.instance(instanceKey)).isCompleted();
    assertThat(elements(instanceKey, BpmnElementType.SEQUENCE_FLOW)).extracting(r -> value(r).elementId())
        .containsExactly("toXor", expectedFlow);
    assertThat(elements(instanceKey, BpmnElementType.END_EVENT)).extracting(r -> value(r).elementId()).containsOnly(expectedEnd);
    assertThat(elements(instanceKey, BpmnElementType.EXCLUSIVE_GATEWAY)).extracting(Record::intent).containsExactly(
        ProcessInstanceIntent.ELEMENT_ACTIVATING, ProcessInstanceIntent.ELEMENT_ACTIVATED,
        ProcessInstanceIntent.ELEMENT_COMPLETING, ProcessInstanceIntent.ELEMENT_COMPLETED);
    assertThat(engine.incidents(instanceKey)).isEmpty();
  }

  // spec §14 scenario 8
  @Test
  void shouldRaiseConditionErrorWithoutDefaultFlowAndContinueAfterSetVariablesAndResolve() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    engine.deploy(withoutDefault(processId));

    // when
    long instanceKey = engine.startInstance(processId, Map.of("x", 1)).key();

    // then
    Incident incident = singleActiveIncident(instanceKey);
    assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.CONDITION_ERROR);
    assertThat(incident.getErrorMessage())
        .contains("Expected at least one condition to evaluate to true, or to have a default flow");
    assertThat(incident.getElementId()).isEqualTo("xor");
    assertThat(gatewayIntents(instanceKey)).containsExactly(ProcessInstanceIntent.ELEMENT_ACTIVATING);

    // when
    engine.client().newSetVariablesCommand(instanceKey).variables(Map.of("x", 7)).send().join();
    engine.client().newResolveIncidentCommand(incident.getIncidentKey()).send().join();

    // then
    assertThat(engine.instance(instanceKey)).isCompleted();
    assertThat(elements(instanceKey, BpmnElementType.END_EVENT)).extracting(r -> value(r).elementId()).containsOnly("second");
    assertThat(engine.incidents(instanceKey)).extracting(Incident::getState).containsExactly(IncidentState.RESOLVED);
  }

  // spec §14 scenario 8
  @Test
  void shouldRaiseExtractValueErrorWhenConditionVariableIsUnsetAndContinueAfterSetVariablesAndResolve() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    engine.deploy(withoutDefault(processId));

    // when
    long instanceKey = engine.startInstance(processId, Map.of()).key();

    // then
    Incident incident = singleActiveIncident(instanceKey);
    assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.EXTRACT_VALUE_ERROR);
    assertThat(incident.getElementId()).isEqualTo("xor");
    assertThat(incident.getErrorMessage()).contains("x > 10");
    assertThat(gatewayIntents(instanceKey)).containsExactly(ProcessInstanceIntent.ELEMENT_ACTIVATING);

    // when
    engine.client().newSetVariablesCommand(instanceKey).variables(Map.of("x", 20)).send().join();
    engine.client().newResolveIncidentCommand(incident.getIncidentKey()).send().join();

    // then
    assertThat(engine.instance(instanceKey)).isCompleted();
    assertThat(elements(instanceKey, BpmnElementType.END_EVENT)).extracting(r -> value(r).elementId()).containsOnly("first");
    assertThat(elements(instanceKey, BpmnElementType.EXCLUSIVE_GATEWAY))
        .extracting(r -> value(r).bpmnElementType(), Record::intent).containsExactly(
            tuple(BpmnElementType.EXCLUSIVE_GATEWAY, ProcessInstanceIntent.ELEMENT_ACTIVATING),
            tuple(BpmnElementType.EXCLUSIVE_GATEWAY, ProcessInstanceIntent.ELEMENT_ACTIVATED),
            tuple(BpmnElementType.EXCLUSIVE_GATEWAY, ProcessInstanceIntent.ELEMENT_COMPLETING),
            tuple(BpmnElementType.EXCLUSIVE_GATEWAY, ProcessInstanceIntent.ELEMENT_COMPLETED));
  }

  private BpmnModelInstance withoutDefault(String processId) {
    return Bpmn.createExecutableProcess(processId).startEvent("start").sequenceFlowId("toXor").exclusiveGateway("xor")
        .sequenceFlowId("toFirst").conditionExpression("x > 10").endEvent("first")
        .moveToNode("xor").sequenceFlowId("toSecond").conditionExpression("x > 5").endEvent("second")
        .done();
  }

  private Incident singleActiveIncident(long instanceKey) {
    assertThat(engine.instance(instanceKey)).hasIncident();
    List<Incident> incidents = engine.incidents(instanceKey);
    assertThat(incidents).hasSize(1);
    assertThat(incidents.get(0).getState()).isEqualTo(IncidentState.ACTIVE);
    return incidents.get(0);
  }

  private List<ProcessInstanceIntent> gatewayIntents(long instanceKey) {
    return elements(instanceKey, BpmnElementType.EXCLUSIVE_GATEWAY).stream()
        .map(r -> (ProcessInstanceIntent) r.intent()).toList();
  }

  private List<Record> elements(long instanceKey, BpmnElementType type) {
    return engine.records().elementEvents(instanceKey).stream().filter(r -> value(r).bpmnElementType() == type).toList();
  }

  private ProcessInstanceRecord value(Record record) {
    return (ProcessInstanceRecord) record.value();
  }
}
