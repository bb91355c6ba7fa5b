package dev.engranaje.engine.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.engranaje.engine.testkit.TestEngine;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * FEEL that used to be a StackOverflowError at deploy (issue 9): over the limits it is rejected with
 * 400 naming the file, element, attribute and limit; within them it parses on a large-stack thread.
 */
class DeployTimeExpressionLimitsTest {
  private static TestEngine engine;

  @BeforeAll
  static void startEngine() {
    engine = TestEngine.inMemory();
  }

  @AfterAll
  static void stopEngine() {
    engine.close();
  }

  private static BpmnModelInstance withInput(String processId, String expression) {
    return Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("task", t -> t.zeebeJobType(processId).zeebeInputExpression(expression, "result"))
        .endEvent().done();
  }

  private static ProblemException deployFailing(BpmnModelInstance model, String fileName) {
    return catchThrowableOfType(ProblemException.class,
        () -> engine.client().newDeployResourceCommand().addProcessModel(model, fileName).send().join());
  }

  @Test
  void shouldRejectDeeplyNestedExpressionNamingFileElementAttributeAndLimitWhenOverNestingLimit() {
    // given
    String processId = TestEngine.uniqueProcessId();
    String nested = "=" + "(".repeat(20_000) + "1" + ")".repeat(20_000);

    // when
    ProblemException problem = deployFailing(withInput(processId, nested), processId + ".bpmn");

    // then
    assertThat(problem.code()).isEqualTo(400);
    assertThat(problem.details().getDetail()).contains(processId + ".bpmn").contains("'task'")
        .contains("source").contains("--max-expression-length");
    Served.assertServesNormalInstance(engine);
  }

  @Test
  void shouldRejectExpressionNamingNestingLimitWhenBracketsNestTooDeep() {
    // given
    String processId = TestEngine.uniqueProcessId();
    String nested = "=" + "[".repeat(1_000) + "1" + "]".repeat(1_000);

    // when
    ProblemException problem = deployFailing(withInput(processId, nested), processId + ".bpmn");

    // then
    assertThat(problem.code()).isEqualTo(400);
    assertThat(problem.details().getDetail()).contains(processId + ".bpmn").contains("'task'")
        .contains("nest 1000 deep").contains("--max-expression-nesting");
    Served.assertServesNormalInstance(engine);
  }

  @Test
  void shouldDeployAndEvaluateLongSumWhenWithinLimits() {
    // given a 4 KB expression of 2,000 terms: a StackOverflowError on a normal stack
    String processId = TestEngine.uniqueProcessId();
    String sum = "=1" + "+1".repeat(1_999);

    // when
    DeploymentEvent deployment = engine.deploy(withInput(processId, sum));
    long instance = engine.createInstance(processId, Map.of());

    // then
    assertThat(deployment.getProcesses()).hasSize(1);
    assertThat(engine.activateJob(processId).getVariablesAsMap()).containsEntry("result", 2000);
    assertThat(engine.incidents(instance)).isEmpty();
  }

  @Test
  void shouldRejectLongConditionNamingSequenceFlowWhenOverLengthLimit() {
    // given
    String processId = TestEngine.uniqueProcessId();
    String condition = "=x = \"" + "y".repeat(20_000) + "\"";
    BpmnModelInstance model = Bpmn.createExecutableProcess(processId).startEvent().exclusiveGateway("gw")
        .defaultFlow().endEvent("b")
        .moveToNode("gw").sequenceFlowId("long").conditionExpression(condition).endEvent("a").done();

    // when
    ProblemException problem = deployFailing(model, processId + ".bpmn");

    // then
    assertThat(problem.code()).isEqualTo(400);
    assertThat(problem.details().getDetail()).contains("'long'").contains("conditionExpression")
        .contains("20006 characters long").contains("16384").doesNotContain("y".repeat(300));
  }
}
