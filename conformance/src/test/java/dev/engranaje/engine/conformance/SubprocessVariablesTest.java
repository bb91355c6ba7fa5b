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
import io.camunda.client.api.search.response.Variable;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.builder.SubProcessBuilder;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Variables of an embedded subprocess (spec §3.3 "Subprocesses", §8; §14 scenario 19): a local
 * created by the subprocess's input mapping, updated by a job inside it, is dropped with the
 * subprocess unless an output mapping carries it out. Each process waits at a service task "next"
 * after the subprocess, so the root variables can be searched while the instance is still active.
 */
@ProcessTest(autoTimeSkipping = false)
class SubprocessVariablesTest {
  ProcessTestEngine engine;

  // spec §14 scenario 19
  @Test
  void shouldDropSubprocessLocalWhenSubprocessCompletesWithoutOutputMapping() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    engine.deploy(process(processId, sub -> sub.zeebeInputExpression("\"draft\"", "tmp")));
    long instanceKey = engine.startInstance(processId, Map.of("x", 1)).key();
    ActivatedJob inner = engine.activateJob(processId + "-inner");

    // when the job inside updates the subprocess local and the subprocess completes
    engine.client().newCompleteCommand(inner.getKey()).variables(Map.of("tmp", "final")).send().join();
    ActivatedJob next = engine.activateJob(processId + "-next");

    // then tmp lived and changed on the subprocess scope only, and is gone afterwards
    assertThat(inner.getVariablesAsMap()).containsEntry("tmp", "draft");
    long subprocessKey = scopeOfFirst(instanceKey, "tmp");
    assertThat(subprocessKey).isNotEqualTo(instanceKey).isNotEqualTo(inner.getElementInstanceKey());
    assertThat(variableRecords(instanceKey, "tmp"))
        .extracting(Record::intent, r -> value(r).scopeKey(), r -> value(r).value())
        .containsExactly(
            tuple(VariableIntent.CREATED, subprocessKey, "\"draft\""),
            tuple(VariableIntent.UPDATED, subprocessKey, "\"final\""));
    assertThat(next.getVariablesAsMap()).isEqualTo(Map.of("x", 1));
    assertThat(engine.scopeVariables(instanceKey)).isEqualTo(Map.of("x", 1));
    assertThat(searchByName(instanceKey, "tmp")).isEmpty();
  }

  // spec §14 scenario 19
  @Test
  void shouldCarryLocalToRootWhenSubprocessOutputMapsIt() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    engine.deploy(process(processId, sub -> sub.zeebeInputExpression("\"draft\"", "tmp")
        .zeebeOutputExpression("tmp", "kept")));
    long instanceKey = engine.startInstance(processId, Map.of("x", 1)).key();
    ActivatedJob inner = engine.activateJob(processId + "-inner");

    // when
    engine.client().newCompleteCommand(inner.getKey()).variables(Map.of("tmp", "final")).send().join();
    ActivatedJob next = engine.activateJob(processId + "-next");

    // then only the mapped target reaches the root, with the value tmp had at the end
    assertThat(next.getVariablesAsMap()).isEqualTo(Map.of("x", 1, "kept", "final"));
    assertThat(engine.scopeVariables(instanceKey)).isEqualTo(Map.of("x", 1, "kept", "final"));
    assertThat(searchByName(instanceKey, "kept")).extracting(Variable::getScopeKey).containsExactly(instanceKey);
    assertThat(searchByName(instanceKey, "tmp")).isEmpty();
    assertThat(variableRecords(instanceKey, "kept"))
        .extracting(Record::intent, r -> value(r).scopeKey(), r -> value(r).value())
        .containsExactly(tuple(VariableIntent.CREATED, instanceKey, "\"final\""));
  }

  private BpmnModelInstance process(String processId, Consumer<SubProcessBuilder> mappings) {
    SubProcessBuilder sub = Bpmn.createExecutableProcess(processId).startEvent("start").subProcess("sub");
    mappings.accept(sub);
    return sub.embeddedSubProcess().startEvent("subStart")
        .serviceTask("inner", t -> t.zeebeJobType(processId + "-inner")).endEvent("subEnd")
        .subProcessDone()
        .serviceTask("next", t -> t.zeebeJobType(processId + "-next")).endEvent("end").done();
  }

  private long scopeOfFirst(long instanceKey, String name) {
    return value(variableRecords(instanceKey, name).get(0)).scopeKey();
  }

  private List<Variable> searchByName(long instanceKey, String name) {
    return engine.client().newVariableSearchRequest()
        .filter(f -> f.processInstanceKey(instanceKey).name(name)).send().join().items();
  }

  private List<Record> variableRecords(long instanceKey, String name) {
    return engine.records().matching(r -> r.valueType() == ValueType.VARIABLE
        && value(r).processInstanceKey() == instanceKey && value(r).name().equals(name));
  }

  private VariableRecord value(Record record) {
    return (VariableRecord) record.value();
  }
}
