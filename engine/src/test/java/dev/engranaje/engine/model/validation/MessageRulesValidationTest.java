package dev.engranaje.engine.model.validation;

import static dev.engranaje.engine.model.validation.TestModels.finding;
import static dev.engranaje.engine.model.validation.TestModels.findings;
import static dev.engranaje.engine.model.validation.TestModels.process;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageRulesValidationTest {

  private static final String SUBSCRIPTION =
      "<bpmn:extensionElements><zeebe:subscription correlationKey=\"=orderId\" /></bpmn:extensionElements>";

  private static String catchEvent(String message) {
    return process("""
        <bpmn:startEvent id="start" />
        <bpmn:intermediateCatchEvent id="catch">
          <bpmn:messageEventDefinition messageRef="m" />
        </bpmn:intermediateCatchEvent>
        <bpmn:endEvent id="end" />
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="catch" />
        <bpmn:sequenceFlow id="f2" sourceRef="catch" targetRef="end" />
        """, message);
  }

  private static String receiveTask(String message) {
    return process("""
        <bpmn:startEvent id="start" />
        <bpmn:receiveTask id="wait" messageRef="m" />
        <bpmn:endEvent id="end" />
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
        <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="end" />
        """, message);
  }

  @Test
  void shouldAcceptWhenCatchEventReceiveTaskAndBoundaryHaveNamedMessagesWithKeys() {
    // given
    String xml = process("""
        <bpmn:startEvent id="start" />
        <bpmn:receiveTask id="wait" messageRef="m" />
        <bpmn:intermediateCatchEvent id="catch">
          <bpmn:messageEventDefinition messageRef="m" />
        </bpmn:intermediateCatchEvent>
        <bpmn:endEvent id="end" />
        <bpmn:boundaryEvent id="cancel" attachedToRef="wait" cancelActivity="false">
          <bpmn:messageEventDefinition messageRef="c" />
        </bpmn:boundaryEvent>
        <bpmn:endEvent id="cancelled" />
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
        <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="catch" />
        <bpmn:sequenceFlow id="f3" sourceRef="catch" targetRef="end" />
        <bpmn:sequenceFlow id="f4" sourceRef="cancel" targetRef="cancelled" />
        """,
        "<bpmn:message id=\"m\" name=\"paid\">" + SUBSCRIPTION + "</bpmn:message>",
        "<bpmn:message id=\"c\" name=\"=&quot;cancel-&quot; + kind\">" + SUBSCRIPTION + "</bpmn:message>");

    // when / then
    assertThat(findings(xml)).isEmpty();
  }

  @Test
  void shouldRejectWhenCatchEventMessageHasNoName() {
    // given
    String xml = catchEvent("<bpmn:message id=\"m\">" + SUBSCRIPTION + "</bpmn:message>");

    // when / then
    assertThat(findings(xml)).contains(finding("catch",
        "Expected message 'm' used by 'catch' to have a non-empty 'name', but it has none"));
  }

  @Test
  void shouldRejectWhenCatchEventMessageHasNoSubscription() {
    // given
    String xml = catchEvent("<bpmn:message id=\"m\" name=\"paid\" />");

    // when / then
    assertThat(findings(xml)).contains(finding("catch",
        "Expected message 'm' used by 'catch' to have exactly one 'zeebe:subscription', but found 0"));
  }

  @Test
  void shouldRejectWhenReceiveTaskSubscriptionHasNoCorrelationKey() {
    // given
    String xml = receiveTask("<bpmn:message id=\"m\" name=\"paid\"><bpmn:extensionElements>"
        + "<zeebe:subscription /></bpmn:extensionElements></bpmn:message>");

    // when / then
    assertThat(findings(xml)).contains(finding("wait", "Expected the 'zeebe:subscription' of message 'm'"
        + " used by 'wait' to have a 'correlationKey', but it has none"));
  }

  @Test
  void shouldRejectWhenReceiveTaskReferencesNoMessage() {
    // given
    String xml = process("""
        <bpmn:startEvent id="start" />
        <bpmn:receiveTask id="wait" />
        <bpmn:endEvent id="end" />
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
        <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="end" />
        """);

    // when / then
    assertThat(findings(xml)).contains(finding("wait",
        "Expected 'wait' to reference a message with 'messageRef', but none was found"));
  }

  @Test
  void shouldRejectWhenCorrelationKeyIsInvalidFeel() {
    // given
    String xml = catchEvent("<bpmn:message id=\"m\" name=\"paid\"><bpmn:extensionElements>"
        + "<zeebe:subscription correlationKey=\"=order id +\" /></bpmn:extensionElements></bpmn:message>");

    // when / then
    assertThat(findings(xml)).anySatisfy(finding -> {
      assertThat(finding.elementId()).isEqualTo("catch");
      assertThat(finding.rule()).startsWith("Expected a valid FEEL expression in 'correlationKey' of message 'm'");
    });
  }

  @Test
  void shouldRejectWhenTwoBoundaryEventsOfOneActivityCatchTheSameMessage() {
    // given
    String xml = process("""
        <bpmn:startEvent id="start" />
        <bpmn:manualTask id="work" />
        <bpmn:endEvent id="end" />
        <bpmn:boundaryEvent id="b1" attachedToRef="work">
          <bpmn:messageEventDefinition messageRef="m" />
        </bpmn:boundaryEvent>
        <bpmn:boundaryEvent id="b2" attachedToRef="work" cancelActivity="false">
          <bpmn:messageEventDefinition messageRef="m" />
        </bpmn:boundaryEvent>
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="work" />
        <bpmn:sequenceFlow id="f2" sourceRef="work" targetRef="end" />
        <bpmn:sequenceFlow id="f3" sourceRef="b1" targetRef="end" />
        <bpmn:sequenceFlow id="f4" sourceRef="b2" targetRef="end" />
        """, "<bpmn:message id=\"m\" name=\"paid\">" + SUBSCRIPTION + "</bpmn:message>");

    // when / then
    assertThat(findings(xml)).contains(finding("b2", "Expected unique message names among the boundary"
        + " events of activity 'work', but 'paid' is caught by both 'b1' and 'b2'"));
  }
}
