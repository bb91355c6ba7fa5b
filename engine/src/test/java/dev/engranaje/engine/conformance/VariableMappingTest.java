package dev.engranaje.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.engranaje.engine.record.Record;
import dev.engranaje.engine.record.ValueType;
import dev.engranaje.engine.record.VariableIntent;
import dev.engranaje.engine.record.VariableRecord;
import dev.engranaje.engine.testkit.TestEngine;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Input and output mappings and job payloads (spec §3.3): scenarios 2, 3 and 4. Each process ends
 * in a second service task "next" so the root variables can be read while the instance waits.
 */
class VariableMappingTest {
  private static TestEngine engine;

  @BeforeAll
  static void startEngine() {
    engine = TestEngine.inMemory();
  }

  @AfterAll
  static void stopEngine() {
    engine.close();
  }

  // spec §14 scenario 2
  @Test
  void shouldKeepInputMappedLocalInTaskWhenCompletedWithSameNameAndNoOutputs() {
    // given
    String processId = TestEngine.uniqueProcessId();
    String type = processId + "-a";
    String nextType = processId + "-next";
    BpmnModelInstance model = Bpmn.createExecutableProcess(processId).startEvent("start")
        .serviceTask("a", t -> t.zeebeJobType(type).zeebeInputExpression("x", "loc"))
        .serviceTask("next", t -> t.zeebeJobType(nextType)).endEvent("end").done();
    engine.deploy(model);
    long instanceKey = engine.createInstance(processId, Map.of("x", 1));
    ActivatedJob job = engine.activateJob(type);

    // when
    engine.client().newCompleteCommand(job.getKey()).variables(Map.of("loc", 5)).send().join();

    // then
    assertThat(job.getVariablesAsMap()).isEqualTo(Map.of("x", 1, "loc", 1));
    ActivatedJob next = engine.activateJob(nextType);
    assertThat(next.getVariablesAsMap()).isEqualTo(Map.of("x", 1));
    assertThat(engine.localVariables(instanceKey)).isEqualTo(Map.of("x", 1));
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
    String processId = TestEngine.uniqueProcessId();
    String type = processId + "-a";
    String nextType = processId + "-next";
    BpmnModelInstance model = Bpmn.createExecutableProcess(processId).startEvent("start")
        .serviceTask("a", t -> t.zeebeJobType(type).zeebeOutputExpression("res.id", "order.id"))
        .serviceTask("next", t -> t.zeebeJobType(nextType)).endEvent("end").done();
    engine.deploy(model);
    long instanceKey = engine.createInstance(processId, Map.of("order", Map.of("a", 1)));
    ActivatedJob job = engine.activateJob(type);

    // when
    engine.client().newCompleteCommand(job.getKey()).variables(Map.of("res", Map.of("id", 7), "junk", 1)).send().join();

    // then
    ActivatedJob next = engine.activateJob(nextType);
    assertThat(next.getVariablesAsMap()).isEqualTo(Map.of("order", Map.of("a", 1, "id", 7)));
    assertThat(engine.localVariables(instanceKey)).isEqualTo(Map.of("order", Map.of("a", 1, "id", 7)));
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
    String processId = TestEngine.uniqueProcessId();
    String type = processId + "-a";
    BpmnModelInstance model = Bpmn.createExecutableProcess(processId).startEvent("start")
        .serviceTask("a", t -> t.zeebeJobType(type).zeebeInputExpression("order.a", "order.a")).endEvent("end").done();
    engine.deploy(model);
    long instanceKey = engine.createInstance(processId, Map.of("order", Map.of("a", 1, "b", 2)));

    // when
    ActivatedJob job = engine.activateJob(type);

    // then
    assertThat(job.getVariablesAsMap()).isEqualTo(Map.of("order", Map.of("a", 1)));
    assertThat(engine.localVariables(job.getElementInstanceKey())).isEqualTo(Map.of("order", Map.of("a", 1)));
    assertThat(engine.localVariables(instanceKey)).isEqualTo(Map.of("order", Map.of("a", 1, "b", 2)));
  }

  private static List<Record> variableRecords(long instanceKey, String name) {
    return engine.matching(r -> r.valueType() == ValueType.VARIABLE
        && value(r).processInstanceKey() == instanceKey && value(r).name().equals(name));
  }

  private static VariableRecord value(Record record) {
    return (VariableRecord) record.value();
  }
}
