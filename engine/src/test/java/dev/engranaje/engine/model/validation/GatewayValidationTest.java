package dev.engranaje.engine.model.validation;

import static dev.engranaje.engine.model.validation.TestModels.finding;
import static dev.engranaje.engine.model.validation.TestModels.findings;
import static dev.engranaje.engine.model.validation.TestModels.process;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Inclusive and event-based gateway structure (spec 1.2 "Conditions", "Event-based gateway"). */
class GatewayValidationTest {

  private static final String MESSAGE = """
      <bpmn:message id="m" name="paid">
        <bpmn:extensionElements><zeebe:subscription correlationKey="=orderId" /></bpmn:extensionElements>
      </bpmn:message>""";

  @Test
  void shouldAcceptInclusiveGatewayWithConditionsAndDefault() {
    // given
    String xml = process("""
        <bpmn:startEvent id="start" />
        <bpmn:inclusiveGateway id="gw" default="other" />
        <bpmn:endEvent id="a" />
        <bpmn:endEvent id="b" />
        <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="gw" />
        <bpmn:sequenceFlow id="big" sourceRef="gw" targetRef="a">
          <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=x &gt; 1</bpmn:conditionExpression>
        </bpmn:sequenceFlow>
        <bpmn:sequenceFlow id="other" sourceRef="gw" targetRef="b" />
        """);

    // when / then
    assertThat(findings(xml)).isEmpty();
  }

  @Test
  void shouldRejectWhenNonDefaultFlowOfInclusiveGatewayHasNoCondition() {
    // given
    String xml = process("""
        <bpmn:startEvent id="start" />
        <bpmn:inclusiveGateway id="gw" />
        <bpmn:endEvent id="a" />
        <bpmn:endEvent id="b" />
        <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="gw" />
        <bpmn:sequenceFlow id="big" sourceRef="gw" targetRef="a">
          <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=x &gt; 1</bpmn:conditionExpression>
        </bpmn:sequenceFlow>
        <bpmn:sequenceFlow id="small" sourceRef="gw" targetRef="b" />
        """);

    // when / then
    assertThat(findings(xml)).containsExactly(finding("small", "Expected sequence flow 'small' leaving inclusive"
        + " gateway 'gw' to have a condition or to be its default flow, but it has neither"));
  }

  @Test
  void shouldAcceptEventBasedGatewayLeadingToMessageAndTimerCatchEvents() {
    // given
    // (the library's own check reads the gateway's <bpmn:outgoing> children)
    String xml = process(EVENT_GATEWAY.replace("<bpmn:eventBasedGateway id=\"gw\" />",
        "<bpmn:eventBasedGateway id=\"gw\"><bpmn:outgoing>f1</bpmn:outgoing><bpmn:outgoing>f2</bpmn:outgoing>"
            + "</bpmn:eventBasedGateway>") + """
        <bpmn:intermediateCatchEvent id="timeout">
          <bpmn:timerEventDefinition><bpmn:timeDuration>PT1M</bpmn:timeDuration></bpmn:timerEventDefinition>
        </bpmn:intermediateCatchEvent>
        <bpmn:sequenceFlow id="f2" sourceRef="gw" targetRef="timeout" />
        """, MESSAGE);

    // when / then
    assertThat(findings(xml)).isEmpty();
  }

  @Test
  void shouldAcceptEventBasedGatewayLeadingToSignalCatchEvent() {
    // given
    String xml = process(EVENT_GATEWAY.replace("<bpmn:eventBasedGateway id=\"gw\" />",
        "<bpmn:eventBasedGateway id=\"gw\"><bpmn:outgoing>f1</bpmn:outgoing><bpmn:outgoing>f2</bpmn:outgoing>"
            + "</bpmn:eventBasedGateway>") + """
        <bpmn:intermediateCatchEvent id="cancelled"><bpmn:signalEventDefinition signalRef="s" /></bpmn:intermediateCatchEvent>
        <bpmn:sequenceFlow id="f2" sourceRef="gw" targetRef="cancelled" />
        """, MESSAGE + "<bpmn:signal id=\"s\" name=\"order-cancelled\" />");

    // when / then
    assertThat(findings(xml)).isEmpty();
  }

  @Test
  void shouldRejectEventBasedGatewayWithOneOutgoingFlow() {
    // given
    String xml = process(EVENT_GATEWAY, MESSAGE);

    // when / then
    assertThat(findings(xml)).containsExactly(finding("gw",
        "Expected event-based gateway 'gw' to have at least 2 outgoing sequence flows, but found 1"));
  }

  @Test
  void shouldRejectEventBasedGatewayLeadingToATask() {
    // given
    String xml = process(EVENT_GATEWAY + """
        <bpmn:manualTask id="task" />
        <bpmn:sequenceFlow id="f2" sourceRef="gw" targetRef="task" />
        """, MESSAGE);

    // when / then
    assertThat(findings(xml)).containsExactly(finding("f2", "Expected the sequence flow 'f2' of event-based gateway"
        + " 'gw' to lead to a message, timer or signal intermediate catch event, but it leads to 'task'"));
  }

  @Test
  void shouldRejectCatchEventAfterEventBasedGatewayWithAnotherIncomingFlow() {
    // given
    String xml = process(EVENT_GATEWAY + """
        <bpmn:intermediateCatchEvent id="timeout">
          <bpmn:timerEventDefinition><bpmn:timeDuration>PT1M</bpmn:timeDuration></bpmn:timerEventDefinition>
        </bpmn:intermediateCatchEvent>
        <bpmn:sequenceFlow id="f2" sourceRef="gw" targetRef="timeout" />
        <bpmn:sequenceFlow id="f3" sourceRef="start" targetRef="timeout" />
        """, MESSAGE);

    // when / then
    assertThat(findings(xml)).contains(finding("timeout", "Expected the catch event 'timeout' after event-based"
        + " gateway 'gw' to have no other incoming sequence flow, but found 2"));
  }

  private static final String EVENT_GATEWAY = """
      <bpmn:startEvent id="start" />
      <bpmn:eventBasedGateway id="gw" />
      <bpmn:intermediateCatchEvent id="paid"><bpmn:messageEventDefinition messageRef="m" /></bpmn:intermediateCatchEvent>
      <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="gw" />
      <bpmn:sequenceFlow id="f1" sourceRef="gw" targetRef="paid" />
      """;
}
