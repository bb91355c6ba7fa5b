package dev.engranaje.engine.model.validation;

import static dev.engranaje.engine.model.validation.TestModels.validate;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

class ValidModelsTest {

  @Test
  void shouldAcceptWhenServiceTaskHasHeadersAndMappings() {
    // given
    BpmnModelInstance model = Bpmn.createExecutableProcess("payment")
        .startEvent("start")
        .serviceTask("charge", task -> task
            .zeebeJobType("payment")
            .zeebeJobRetries("=maxRetries")
            .zeebeTaskHeader("method", "VISA")
            .zeebeTaskHeader("currency", "EUR")
            .zeebeInputExpression("order.total", "amount")
            .zeebeInput("static value", "note")
            .zeebeOutputExpression("receipt.id", "order.receiptId"))
        .endEvent("end")
        .done();

    // when
    ValidatedResource result = validate(model);

    // then
    assertThat(result.findings()).isEmpty();
    assertThat(result).isInstanceOfSatisfying(ValidatedResource.Accepted.class,
        accepted -> assertThat((Object) accepted.model().getModelElementById("charge")).isNotNull());
    assertThat(result.describe()).isEqualTo("test.bpmn: valid");
  }

  @Test
  void shouldAcceptWhenParallelGatewayForksAndJoins() {
    // given
    BpmnModelInstance model = Bpmn.createExecutableProcess("parallel")
        .startEvent("start")
        .parallelGateway("fork")
        .serviceTask("a", task -> task.zeebeJobType("a"))
        .parallelGateway("join")
        .endEvent("end")
        .moveToNode("fork")
        .sendTask("b", task -> task.zeebeJobType("b"))
        .connectTo("join")
        .done();

    // when / then
    assertThat(validate(model).findings()).isEmpty();
  }

  @Test
  void shouldAcceptWhenExclusiveGatewayHasDefaultFlow() {
    // given
    BpmnModelInstance model = Bpmn.createExecutableProcess("exclusive")
        .startEvent("start")
        .exclusiveGateway("gw")
        .defaultFlow()
        .task("noop")
        .intermediateThrowEvent("mark")
        .endEvent("endSmall")
        .moveToNode("gw")
        .sequenceFlowId("big")
        .conditionExpression("=total > 100")
        .manualTask("review")
        .endEvent("endBig")
        .done();

    // when / then
    assertThat(validate(model).findings()).isEmpty();
  }

  @Test
  void shouldAcceptWhenSubprocessEndsWithErrorCaughtByBoundary() {
    // given
    BpmnModelInstance model = Bpmn.createExecutableProcess("sub")
        .startEvent("start")
        .subProcess("booking", sub -> sub.embeddedSubProcess()
            .startEvent("subStart")
            .serviceTask("reserve", task -> task.zeebeJobType("reserve"))
            .endEvent("fail", end -> end.error("SEAT_TAKEN")))
        .endEvent("end")
        .moveToActivity("booking")
        .boundaryEvent("onSeatTaken", boundary -> boundary.error("SEAT_TAKEN"))
        .endEvent("failed")
        .done();

    // when / then
    assertThat(validate(model).findings()).isEmpty();
  }

  @Test
  void shouldAcceptWhenTimerBoundariesAreValid() {
    // given
    BpmnModelInstance model = Bpmn.createExecutableProcess("timers")
        .startEvent("start")
        .serviceTask("call", task -> task.zeebeJobType("call"))
        .endEvent("end")
        .moveToActivity("call")
        .boundaryEvent("timeout", boundary -> boundary.timerWithDuration("PT15M"))
        .endEvent("timedOut")
        .moveToActivity("call")
        .boundaryEvent("reminder", boundary -> boundary.cancelActivity(false).timerWithCycle("R3/PT5M"))
        .manualTask("remind")
        .moveToActivity("call")
        .boundaryEvent("deadline", boundary -> boundary.timerWithDateExpression("deadline"))
        .endEvent("late")
        .done();

    // when / then
    assertThat(validate(model).findings()).isEmpty();
  }
}
