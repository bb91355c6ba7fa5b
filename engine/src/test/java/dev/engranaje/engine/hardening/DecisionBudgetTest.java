package dev.engranaje.engine.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.engine.Engine;
import dev.engranaje.engine.EngineLimits;
import dev.engranaje.engine.EngineOptions;
import dev.engranaje.engine.testkit.TestEngine;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.response.Incident;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Runaway FEEL inside a DMN decision (issue 9): the evaluation stops at the FEEL budget like any
 * other expression and becomes an incident on the business rule task naming the budget; the engine
 * serves the next instance. Before, it held the processor until the decision ended (for good, for
 * a large enough loop). The budget here is small so that the abandoned evaluations end soon too:
 * dmn-scala's FEEL cannot be interrupted or range-guarded, so an abandoned one runs to its end on a
 * FEEL thread (docs/engine/limits.md).
 */
class DecisionBudgetTest {
  private static Engine engine;
  private static CamundaClient client;

  @BeforeAll
  static void startEngine() {
    EngineLimits limits = EngineLimits.builder().maxFeelEvaluationTime(Duration.ofMillis(150)).build();
    engine = Engine.start(EngineOptions.builder().inMemory().port(0).limits(limits).build());
    client = TestEngine.newClient(engine.restAddress());
  }

  @AfterAll
  static void stopEngine() {
    client.close();
    engine.close();
  }

  private static String literalDecision(String decisionId, String expression) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="%1$s-drg" name="Runaway"
            namespace="http://engranaje.dev/test">
          <decision id="%1$s" name="Runaway">
            <literalExpression><text>%2$s</text></literalExpression>
          </decision>
        </definitions>
        """.formatted(decisionId, expression);
  }

  private static String tableDecision(String decisionId, String expression) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="%1$s-drg" name="Runaway"
            namespace="http://engranaje.dev/test">
          <decision id="%1$s" name="Runaway">
            <decisionTable id="%1$s-table" hitPolicy="FIRST">
              <input id="%1$s-in"><inputExpression typeRef="number"><text>%2$s</text></inputExpression></input>
              <output id="%1$s-out" name="tier" typeRef="string" />
              <rule id="%1$s-rule"><inputEntry><text>&gt; 0</text></inputEntry>
                <outputEntry><text>"one"</text></outputEntry></rule>
            </decisionTable>
          </decision>
        </definitions>
        """.formatted(decisionId, expression);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
      "literal|count(for i in 1..n, j in 1..n return i)",
      "table|count(for i in 1..n, j in 1..n return i)",
      "literal|sum(for i in 1..n return count(for j in 1..n return j))"})
  void shouldRaiseDecisionIncidentNamingBudgetWhenDecisionRunsAway(String shape, String runaway) {
    // given
    String processId = TestEngine.uniqueProcessId();
    String decisionId = processId + "-decision";
    String dmn = shape.equals("literal") ? literalDecision(decisionId, runaway) : tableDecision(decisionId, runaway);
    client.newDeployResourceCommand()
        .addProcessModel(Bpmn.createExecutableProcess(processId).startEvent()
            .businessRuleTask("decide", t -> t.zeebeCalledDecisionId(decisionId).zeebeResultVariable("result"))
            .endEvent().done(), processId + ".bpmn")
        .addResourceBytes(dmn.getBytes(StandardCharsets.UTF_8), processId + ".dmn").send().join();

    // when
    long instance = client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion()
        .variables(Map.of("n", 3_000L)).send().join().getProcessInstanceKey();

    // then
    Incident incident = awaitIncident(instance);
    assertThat(incident.getErrorType().name()).isEqualTo("DECISION_EVALUATION_ERROR");
    assertThat(incident.getElementId()).isEqualTo("decide");
    assertThat(incident.getErrorMessage()).contains(decisionId).contains("budget").contains("--max-feel-evaluation");
    assertServesNextInstance();
  }

  private static Incident awaitIncident(long instance) {
    TestEngine.await("process instance " + instance + " has an incident", Duration.ofSeconds(60),
        () -> !incidents(instance).isEmpty());
    return incidents(instance).get(0);
  }

  private static List<Incident> incidents(long instance) {
    return client.newIncidentSearchRequest().filter(f -> f.processInstanceKey(instance)).send().join().items();
  }

  private static void assertServesNextInstance() {
    String processId = TestEngine.uniqueProcessId();
    client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess(processId).startEvent()
        .endEvent().done(), processId + ".bpmn").send().join();
    var result = client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion()
        .variables(Map.of("served", true)).withResult().send().join();
    assertThat(result.getVariablesAsMap()).containsEntry("served", true);
  }
}
