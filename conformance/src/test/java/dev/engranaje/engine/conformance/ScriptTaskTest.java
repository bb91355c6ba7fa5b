package dev.engranaje.engine.conformance;

import static dev.engranaje.test.ProcessAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.engine.record.ProcessInstanceIntent;
import dev.engranaje.engine.record.ValueType;
import dev.engranaje.engine.record.VariableRecord;
import dev.engranaje.engine.record.Record;
import dev.engranaje.test.ProcessTest;
import dev.engranaje.test.ProcessTestEngine;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.response.Incident;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Script tasks (spec §4): engine-evaluated with {@code zeebe:script}, or job-based. */
@ProcessTest(autoTimeSkipping = false)
class ScriptTaskTest {
  ProcessTestEngine engine;

  @Test
  void shouldCompleteAtOnceWithResultVariableAtRoot() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .scriptTask("add", t -> t.zeebeExpression("a + b").zeebeResultVariable("sum"))
        .endEvent().done());

    // when
    long instance = engine.startInstance(processId, Map.of("a", 1, "b", 2)).key();

    // then
    assertThat(engine.instance(instance)).isCompleted();
    assertThat(rootVariable(instance, "sum")).isEqualTo("3");
    assertThat(engine.records().hasElementEvent(instance, "add", ProcessInstanceIntent.ELEMENT_COMPLETED)).isTrue();
  }

  @Test
  void shouldEvaluateAfterInputMappingsAndApplyOutputMappings() {
    // given an input-mapped local and an output mapping of the result
    String processId = ProcessTestEngine.uniqueId("process");
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .scriptTask("double", t -> t.zeebeExpression("x * 2").zeebeResultVariable("doubled")
            .zeebeInputExpression("a", "x").zeebeOutputExpression("doubled + 1", "result"))
        .endEvent().done());

    // when
    long instance = engine.startInstance(processId, Map.of("a", 20)).key();

    // then only the mapped target leaves the task
    assertThat(engine.instance(instance)).isCompleted();
    assertThat(rootVariable(instance, "result")).isEqualTo("41");
    assertThat(engine.records().variableWrites(instance, "doubled")).isEmpty();
  }

  @Test
  void shouldRaiseExtractValueErrorWhenExpressionFailsAndEvaluateAgainOnResolve() {
    // given an expression that fails while x is null
    String processId = ProcessTestEngine.uniqueId("process");
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .scriptTask("check", t -> t.zeebeExpression("assert(x, x != null)").zeebeResultVariable("checked"))
        .endEvent().done());

    // when
    long instance = engine.startInstance(processId, Map.of()).key();

    // then the task waits in ACTIVATING with an incident
    assertThat(engine.instance(instance)).hasIncident();
    List<Incident> incidents = engine.incidents(instance);
    assertThat(incidents).hasSize(1);
    assertThat(incidents.get(0).getErrorType().name()).isEqualTo("EXTRACT_VALUE_ERROR");
    assertThat(engine.records().hasElementEvent(instance, "check", ProcessInstanceIntent.ELEMENT_ACTIVATED)).isFalse();

    // when x is set and the incident resolved, then the script runs again and completes
    engine.client().newSetVariablesCommand(instance).variables(Map.of("x", 5)).send().join();
    engine.client().newResolveIncidentCommand(incidents.get(0).getIncidentKey()).send().join();
    assertThat(engine.instance(instance)).isCompleted();
    assertThat(rootVariable(instance, "checked")).isEqualTo("5");
  }

  @Test
  void shouldCreateJobWhenScriptTaskHasTaskDefinition() {
    // given a job-based script task
    String processId = ProcessTestEngine.uniqueId("process");
    String type = processId + "-script";
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .scriptTask("run", t -> t.zeebeJobType(type)).endEvent().done());
    long instance = engine.startInstance(processId, Map.of()).key();

    // when a worker completes the job
    ActivatedJob job = engine.activateJob(type);
    assertThat(job.getElementId()).isEqualTo("run");
    engine.client().newCompleteCommand(job.getKey()).variables(Map.of("out", 1)).send().join();

    // then the task completes like a service task
    assertThat(engine.instance(instance)).isCompleted();
    assertThat(rootVariable(instance, "out")).isEqualTo("1");
  }

  private String rootVariable(long instance, String name) {
    List<Record> writes = engine.records().variableWrites(instance, name);
    assertThat(writes).as("writes of root variable '%s'", name).isNotEmpty();
    return ((VariableRecord) writes.get(writes.size() - 1).value()).value();
  }
}
