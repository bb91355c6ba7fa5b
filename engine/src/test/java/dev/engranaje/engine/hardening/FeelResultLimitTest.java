package dev.engranaje.engine.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.engine.EngineLimits;
import dev.engranaje.engine.testkit.TestEngine;
import io.camunda.client.api.search.response.Incident;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A FEEL result becomes a variable, so it is held to the variables limit of a command
 * ({@code --max-variables-size}): a mapping, a script or an inline expression that builds a larger
 * value is an incident on its element, and nothing oversized is stored.
 */
class FeelResultLimitTest {
  private static final long LIMIT = 64 * 1024;
  private static final String THIRTY_KB = "x".repeat(30_000);
  private static TestEngine engine;

  @BeforeAll
  static void startEngine() {
    engine = TestEngine.inMemory(EngineLimits.builder().maxVariablesBytes(LIMIT).build());
  }

  @AfterAll
  static void stopEngine() {
    engine.close();
  }

  @Test
  void shouldRaiseIoMappingIncidentWhenMappingBuildsValueOverVariablesLimit() {
    // given
    String processId = TestEngine.uniqueProcessId();
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("task", t -> t.zeebeJobType(processId)
            .zeebeInputExpression("string join(for i in 1..20000 return \"abcdef\")", "big"))
        .endEvent().done());

    // when
    long instance = engine.createInstance(processId, Map.of());

    // then
    Incident incident = single(engine.awaitIncidents(instance));
    assertThat(incident.getErrorType().name()).isEqualTo("IO_MAPPING_ERROR");
    assertThat(incident.getElementId()).isEqualTo("task");
    assertThat(incident.getErrorMessage()).contains("string join(for i in 1..20000")
        .contains("more than " + LIMIT + " bytes").contains("--max-variables-size");
    assertThat(engine.client().newVariableSearchRequest().filter(f -> f.processInstanceKey(instance).name("big"))
        .send().join().items()).isEmpty();
  }

  @Test
  void shouldRaiseIncidentWhenScriptResultIsOverVariablesLimit() {
    // given
    String processId = TestEngine.uniqueProcessId();
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .scriptTask("script", s -> s.zeebeExpression("for i in 1..10000 return \"abcdefgh\"").zeebeResultVariable("list"))
        .endEvent().done());

    // when
    long instance = engine.createInstance(processId, Map.of());

    // then
    Incident incident = single(engine.awaitIncidents(instance));
    assertThat(incident.getElementId()).isEqualTo("script");
    assertThat(incident.getErrorMessage()).contains("--max-variables-size");
  }

  @Test
  void shouldRaiseIncidentWhenSmallInlineExpressionConcatenatesPastTheLimit() {
    // given an expression too small for a FEEL thread, over variables that are each within the limit
    String processId = TestEngine.uniqueProcessId();
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("task", t -> t.zeebeJobType(processId).zeebeInputExpression("x + x + x", "tripled"))
        .endEvent().done());

    // when
    long instance = engine.createInstance(processId, Map.of("x", THIRTY_KB));

    // then
    Incident incident = single(engine.awaitIncidents(instance));
    assertThat(incident.getErrorType().name()).isEqualTo("IO_MAPPING_ERROR");
    assertThat(incident.getErrorMessage()).contains("x + x + x").contains("--max-variables-size");
  }

  @Test
  void shouldStoreResultWithinTheLimit() {
    // given
    String processId = TestEngine.uniqueProcessId();
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("task", t -> t.zeebeJobType(processId).zeebeInputExpression("x + x", "doubled"))
        .endEvent().done());

    // when
    long instance = engine.createInstance(processId, Map.of("x", THIRTY_KB));

    // then
    assertThat(engine.activateJob(processId).getVariablesAsMap().get("doubled")).isEqualTo(THIRTY_KB + THIRTY_KB);
    assertThat(engine.incidents(instance)).isEmpty();
  }

  private static Incident single(List<Incident> incidents) {
    assertThat(incidents).hasSize(1);
    return incidents.get(0);
  }
}
