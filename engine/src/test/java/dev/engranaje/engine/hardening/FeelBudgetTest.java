package dev.engranaje.engine.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.engine.testkit.TestEngine;
import io.camunda.client.api.search.response.Incident;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Runaway FEEL (issue 9): each expression becomes an incident on its element naming the expression
 * and the budget, the heap does not grow past the budget, and the engine serves the next instance.
 */
class FeelBudgetTest {
  private static TestEngine engine;

  @BeforeAll
  static void startEngine() {
    engine = TestEngine.inMemory();
  }

  @AfterAll
  static void stopEngine() {
    engine.close();
  }

  private static BpmnModelInstance inputMapping(String processId, String expression) {
    return Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("task", t -> t.zeebeJobType(processId + "-never").zeebeInputExpression(expression, "result"))
        .endEvent().done();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "count(for i in 1..100000000 return i)|--max-feel-range",
      "string join(for i in 1..10000000 return \"xxxxxxxxxx\")|--max-feel-range",
      "count(for i in 1..n return i)|--max-feel-range",
      "count(for i in 1..1000, j in 1..1000, k in 1..1000 return i)|--max-feel-range",
      "count(for i in 1..900000 return {a: i, b: [i, i, i], c: string(i) + \"xxxxxxxxxxxxxxxx\"})|--max-feel-evaluation",
      "count(for i in 1..40 return if i = 1 then \"x\" else partial[-1] + partial[-1])|--max-feel-evaluation-size"})
  void shouldRaiseIoMappingIncidentNamingBudgetWhenExpressionRunsAway(String expression, String budgetFlag) {
    // given
    String processId = TestEngine.uniqueProcessId();
    engine.deploy(inputMapping(processId, "=" + expression));
    long heapBefore = usedHeap();

    // when
    long instance = engine.createInstance(processId, Map.of("n", 100_000_000L));

    // then
    List<Incident> incidents = engine.awaitIncidents(instance);
    assertThat(incidents).hasSize(1);
    assertThat(incidents.get(0).getErrorType().name()).isEqualTo("IO_MAPPING_ERROR");
    assertThat(incidents.get(0).getElementId()).isEqualTo("task");
    assertThat(incidents.get(0).getErrorMessage()).contains(expression.substring(0, 20)).contains("budget")
        .contains(budgetFlag);
    assertThat(usedHeap() - heapBefore).isLessThan(1024L * 1024 * 1024);
    Served.assertServesNormalInstance(engine);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "sum(for i in 1..1000 return i)|500500",
      "count(for i in [1,2], j in [3,4] return i + j)|4",
      "count(split(\"a,b,,c\", \",\"))|4",
      "count(extract(\"a1b22c333\", \"[0-9]+\"))|3",
      "if matches(replace(\"Abc\", \"a\", \"x\", \"i\"), \"^xbc$\") then 1 else 0|1"})
  void shouldEvaluateLoopsWithinBudgetAsBefore(String expression, long expected) {
    // given
    String processId = TestEngine.uniqueProcessId();
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .scriptTask("script", s -> s.zeebeExpression(expression).zeebeResultVariable("result"))
        .serviceTask("check", t -> t.zeebeJobType(processId)).endEvent().done());

    // when
    long instance = engine.createInstance(processId, Map.of());

    // then
    assertThat(engine.activateJob(processId).getVariablesAsMap()).containsEntry("result", (int) expected);
    assertThat(engine.incidents(instance)).isEmpty();
  }

  private static long usedHeap() {
    Runtime runtime = Runtime.getRuntime();
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
