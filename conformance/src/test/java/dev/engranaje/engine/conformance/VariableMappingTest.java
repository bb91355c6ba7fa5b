package dev.engranaje.engine.conformance;

import static dev.engranaje.test.ProcessAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.engranaje.engine.record.Record;
import dev.engranaje.engine.record.ValueType;
import dev.engranaje.engine.record.VariableIntent;
import dev.engranaje.engine.record.VariableRecord;
import dev.engranaje.test.ProcessTest;
import dev.engranaje.test.ProcessTestEngine;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Input and output mappings and job payloads (spec §3.3): scenarios 2, 3 and 4. Each process ends
 * in a second service task "next" so the root variables can be read while the instance waits.
 */
@ProcessTest(autoTimeSkipping = false)
class VariableMappingTest {
  ProcessTestEngine engine;

  // spec §14 scenario 2
  @Test
  void shouldKeepInputMappedLocalInTaskWhenCompletedWithSameNameAndNoOutputs() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    String type = processId + "-a";
    String nextType = processId + "-next";
    BpmnModelInstance model = Bpmn.createExecutableProcess(processId).startEvent("start")
        .serviceTask("a", t -> t.zeebeJobType(type).zeebeInputExpression("x", "loc"))
        .serviceTask("next", t -> t.zeebeJobType(nextType)).endEvent("end").done();
    engine.deploy(model);
    long instanceKey = engine.startInstance(processId, Map.of("x", 1)).key();
    ActivatedJob job = engine.activateJob(type);

    // when
    engine.client().newCompleteCommand(job.getKey()).variables(Map.of("loc", 5)).send().join();

    // then
    assertThat(job.getVariablesAsMap()).isEqualTo(Map.of("x", 1, "loc", 1));
    ActivatedJob next = engine.activateJob(nextType);
    assertThat(next.getVariablesAsMap()).isEqualTo(Map.of("x", 1));
    assertThat(engine.scopeVariables(instanceKey)).isEqualTo(Map.of("x", 1));
    assertThat(variableRecords(instanceKey, "loc"))
        .extracting(Record::intent, r -> value(r).scopeKey(), r -> value(r).value())
        .containsExactly(
            tuple(VariableIntent.CREATED, job.getElementInstanceKey(), "1"),
            tuple(VariableIntent.UPDATED, job.getElementInstanceKey(), "5"));
  }

  // spec §14 scenario 3
  @Test
  void shouldMergeNestedOutputIntoRootObjectAndDropUnmappedPayloadWhenOutputsExist() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    String type = processId + "-a";
    String nextType = processId + "-next";
    BpmnModelInstance model = Bpmn.createExecutableProcess(processId).startEvent("start")
        .serviceTask("a", t -> t.zeebeJobType(type).zeebeOutputExpression("res.id", "order.id"))
        .serviceTask("next", t -> t.zeebeJobType(nextType)).endEvent("end").done();
    engine.deploy(model);
    long instanceKey = engine.startInstance(processId, Map.of("order", Map.of("a", 1))).key();
    ActivatedJob job = engine.activateJob(type);

    // when
    engine.client().newCompleteCommand(job.getKey()).variables(Map.of("res", Map.of("id", 7), "junk", 1)).send().join();

    // then
    ActivatedJob next = engine.activateJob(nextType);
    assertThat(next.getVariablesAsMap()).isEqualTo(Map.of("order", Map.of("a", 1, "id", 7)));
    assertThat(engine.scopeVariables(instanceKey)).isEqualTo(Map.of("order", Map.of("a", 1, "id", 7)));
    assertThat(variableRecords(instanceKey, "junk"))
        .extracting(r -> value(r).scopeKey())
        .containsOnly(job.getElementInstanceKey());
    assertThat(variableRecords(instanceKey, "order"))
        .extracting(Record::intent, r -> value(r).scopeKey())
        .containsExactly(tuple(VariableIntent.CREATED, instanceKey), tuple(VariableIntent.UPDATED, instanceKey));
  }

  // spec §14 scenario 4
  @Test
  void shouldShadowWholeRootObjectWhenInputTargetsNestedPath() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    String type = processId + "-a";
    BpmnModelInstance model = Bpmn.createExecutableProcess(processId).startEvent("start")
        .serviceTask("a", t -> t.zeebeJobType(type).zeebeInputExpression("order.a", "order.a")).endEvent("end").done();
    engine.deploy(model);
    long instanceKey = engine.startInstance(processId, Map.of("order", Map.of("a", 1, "b", 2))).key();

    // when
    ActivatedJob job = engine.activateJob(type);

    // then
    assertThat(job.getVariablesAsMap()).isEqualTo(Map.of("order", Map.of("a", 1)));
    assertThat(engine.scopeVariables(job.getElementInstanceKey())).isEqualTo(Map.of("order", Map.of("a", 1)));
    assertThat(engine.scopeVariables(instanceKey)).isEqualTo(Map.of("order", Map.of("a", 1, "b", 2)));
  }

  private List<Record> variableRecords(long instanceKey, String name) {
    return engine.records().matching(r -> r.valueType() == ValueType.VARIABLE
        && value(r).processInstanceKey() == instanceKey && value(r).name().equals(name));
  }

  private VariableRecord value(Record record) {
    return (VariableRecord) record.value();
  }
}
