package dev.engranaje.engine.model.validation;

import static dev.engranaje.engine.model.validation.TestModels.finding;
import static dev.engranaje.engine.model.validation.TestModels.findings;
import static dev.engranaje.engine.model.validation.TestModels.process;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FlowRulesValidationTest {

  private static final String TASK = """
      <bpmn:serviceTask id="charge">
        <bpmn:extensionElements><zeebe:taskDefinition type="payment" /></bpmn:extensionElements>
      </bpmn:serviceTask>
      """;

  @Test
  void shouldRejectWhenConditionIsOnFlowLeavingServiceTask() {
    // given
    String xml = process(TASK + """
        <bpmn:startEvent id="start" />
        <bpmn:endEvent id="end" />
        <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="charge" />
        <bpmn:sequenceFlow id="f1" sourceRef="charge" targetRef="end">
          <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=ok</bpmn:conditionExpression>
        </bpmn:sequenceFlow>
        """);

    // when / then
    assertThat(findings(xml)).contains(finding("f1", "Expected a condition only on a sequence flow"
        + " leaving an exclusive or inclusive gateway, but sequence flow 'f1' leaves 'charge' (serviceTask)"));
  }

  @Test
  void shouldRejectWhenNonDefaultFlowOfExclusiveGatewayHasNoCondition() {
    // given
    String xml = process("""
        <bpmn:startEvent id="start" />
        <bpmn:exclusiveGateway id="gw" />
        <bpmn:endEvent id="a" />
        <bpmn:endEvent id="b" />
        <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="gw" />
        <bpmn:sequenceFlow id="big" sourceRef="gw" targetRef="a">
          <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=total &gt; 100</bpmn:conditionExpression>
        </bpmn:sequenceFlow>
        <bpmn:sequenceFlow id="small" sourceRef="gw" targetRef="b" />
        """);

    // when / then
    assertThat(findings(xml)).containsExactly(finding("small", "Expected sequence flow 'small'"
        + " leaving exclusive gateway 'gw' to have a condition or to be its default flow, but it"
        + " has neither"));
  }

  @Test
  void shouldRejectWhenDefaultFlowLeavesAnotherElement() {
    // given
    String xml = process("""
        <bpmn:startEvent id="start" />
        <bpmn:exclusiveGateway id="gw" default="f0" />
        <bpmn:endEvent id="a" />
        <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="gw" />
        <bpmn:sequenceFlow id="f1" sourceRef="gw" targetRef="a" />
        """);

    // when / then
    assertThat(findings(xml)).contains(finding("gw", "Expected the default flow 'f0' of exclusive"
        + " gateway 'gw' to be a sequence flow leaving that gateway, but it leaves 'start'"));
  }

  @Test
  void shouldRejectWhenLoopIsMadeOnlyOfGatewaysAndPassThroughTasks() {
    // given
    String xml = process("""
        <bpmn:startEvent id="start" />
        <bpmn:exclusiveGateway id="join" />
        <bpmn:task id="noop" />
        <bpmn:intermediateThrowEvent id="mark" />
        <bpmn:exclusiveGateway id="split" default="back" />
        <bpmn:endEvent id="end" />
        <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="join" />
        <bpmn:sequenceFlow id="f1" sourceRef="join" targetRef="noop" />
        <bpmn:sequenceFlow id="f2" sourceRef="noop" targetRef="mark" />
        <bpmn:sequenceFlow id="f3" sourceRef="mark" targetRef="split" />
        <bpmn:sequenceFlow id="back" sourceRef="split" targetRef="join" />
        <bpmn:sequenceFlow id="out" sourceRef="split" targetRef="end">
          <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=done</bpmn:conditionExpression>
        </bpmn:sequenceFlow>
        """);

    // when / then
    assertThat(findings(xml)).containsExactly(finding("join", "Expected every loop to contain an"
        + " element that waits (such as a service task), but the elements 'join', 'noop', 'mark',"
        + " 'split' form a straight-through loop"));
  }

  @Test
  void shouldAcceptLoopWhenItContainsServiceTask() {
    // given
    String xml = process(TASK + """
        <bpmn:startEvent id="start" />
        <bpmn:exclusiveGateway id="join" />
        <bpmn:exclusiveGateway id="split" default="back" />
        <bpmn:endEvent id="end" />
        <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="join" />
        <bpmn:sequenceFlow id="f1" sourceRef="join" targetRef="charge" />
        <bpmn:sequenceFlow id="f2" sourceRef="charge" targetRef="split" />
        <bpmn:sequenceFlow id="back" sourceRef="split" targetRef="join" />
        <bpmn:sequenceFlow id="out" sourceRef="split" targetRef="end">
          <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=done</bpmn:conditionExpression>
        </bpmn:sequenceFlow>
        """);

    // when / then
    assertThat(findings(xml)).isEmpty();
  }
}
