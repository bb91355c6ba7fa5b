package dev.engranaje.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.engine.record.ProcessInstanceIntent;
import dev.engranaje.engine.record.ValueType;
import dev.engranaje.engine.record.VariableRecord;
import dev.engranaje.engine.record.Record;
import dev.engranaje.engine.testkit.TestEngine;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.response.Incident;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Script tasks (spec §4): engine-evaluated with {@code zeebe:script}, or job-based. */
class ScriptTaskTest {
  private static TestEngine engine;

  @BeforeAll
  static void startEngine() {
    engine = TestEngine.inMemory();
  }

  @AfterAll
  static void stopEngine() {
    engine.close();
  }

  @Test
  void shouldCompleteAtOnceWithResultVariableAtRoot() {
    // given
    String processId = TestEngine.uniqueProcessId();
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .scriptTask("add", t -> t.zeebeExpression("a + b").zeebeResultVariable("sum"))
        .endEvent().done());

    // when
    long instance = engine.createInstance(processId, Map.of("a", 1, "b", 2));

    // then
    engine.awaitCompleted(instance);
    assertThat(rootVariable(instance, "sum")).isEqualTo("3");
    assertThat(engine.hasElementEvent(instance, "add", ProcessInstanceIntent.ELEMENT_COMPLETED)).isTrue();
  }

  @Test
  void shouldEvaluateAfterInputMappingsAndApplyOutputMappings() {
    // given an input-mapped local and an output mapping of the result
    String processId = TestEngine.uniqueProcessId();
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .scriptTask("double", t -> t.zeebeExpression("x * 2").zeebeResultVariable("doubled")
            .zeebeInputExpression("a", "x").zeebeOutputExpression("doubled + 1", "result"))
        .endEvent().done());

    // when
    long instance = engine.createInstance(processId, Map.of("a", 20));

    // then only the mapped target leaves the task
    engine.awaitCompleted(instance);
    assertThat(rootVariable(instance, "result")).isEqualTo("41");
    assertThat(rootWrites(instance, "doubled")).isEmpty();
  }

  @Test
  void shouldRaiseExtractValueErrorWhenExpressionFailsAndEvaluateAgainOnResolve() {
    // given an expression that fails while x is null
    String processId = TestEngine.uniqueProcessId();
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .scriptTask("check", t -> t.zeebeExpression("assert(x, x != null)").zeebeResultVariable("checked"))
        .endEvent().done());

    // when
    long instance = engine.createInstance(processId, Map.of());

    // then the task waits in ACTIVATING with an incident
    List<Incident> incidents = engine.awaitIncidents(instance);
    assertThat(incidents).hasSize(1);
    assertThat(incidents.get(0).getErrorType().name()).isEqualTo("EXTRACT_VALUE_ERROR");
    assertThat(engine.hasElementEvent(instance, "check", ProcessInstanceIntent.ELEMENT_ACTIVATED)).isFalse();

    // when x is set and the incident resolved, then the script runs again and completes
    engine.client().newSetVariablesCommand(instance).variables(Map.of("x", 5)).send().join();
    engine.client().newResolveIncidentCommand(incidents.get(0).getIncidentKey()).send().join();
    engine.awaitCompleted(instance);
    assertThat(rootVariable(instance, "checked")).isEqualTo("5");
  }

  @Test
  void shouldCreateJobWhenScriptTaskHasTaskDefinition() {
    // given a job-based script task
    String processId = TestEngine.uniqueProcessId();
    String type = processId + "-script";
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .scriptTask("run", t -> t.zeebeJobType(type)).endEvent().done());
    long instance = engine.createInstance(processId, Map.of());

    // when a worker completes the job
    ActivatedJob job = engine.activateJob(type);
    assertThat(job.getElementId()).isEqualTo("run");
    engine.client().newCompleteCommand(job.getKey()).variables(Map.of("out", 1)).send().join();

    // then the task completes like a service task
    engine.awaitCompleted(instance);
    assertThat(rootVariable(instance, "out")).isEqualTo("1");
  }

  private static List<Record> rootWrites(long instance, String name) {
    return engine.matching(r -> r.valueType() == ValueType.VARIABLE
        && ((VariableRecord) r.value()).scopeKey() == instance && ((VariableRecord) r.value()).name().equals(name));
  }

  private static String rootVariable(long instance, String name) {
    List<Record> writes = rootWrites(instance, name);
    assertThat(writes).as("writes of root variable '%s'", name).isNotEmpty();
    return ((VariableRecord) writes.get(writes.size() - 1).value()).value();
  }
}
