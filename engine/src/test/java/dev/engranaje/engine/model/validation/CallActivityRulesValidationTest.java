package dev.engranaje.engine.model.validation;

import static dev.engranaje.engine.model.validation.TestModels.finding;
import static dev.engranaje.engine.model.validation.TestModels.findings;
import static dev.engranaje.engine.model.validation.TestModels.process;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CallActivityRulesValidationTest {

  private static String callActivity(String extensions) {
    return process("<bpmn:startEvent id=\"start\" />\n<bpmn:callActivity id=\"ship\">"
        + "<bpmn:extensionElements>" + extensions + "</bpmn:extensionElements>"
        + "</bpmn:callActivity>");
  }

  @Test
  void shouldAcceptCallActivityWithStaticOrFeelProcessId() {
    assertThat(findings(callActivity("<zeebe:calledElement processId=\"shipping\" />"))).isEmpty();
    assertThat(findings(callActivity("<zeebe:calledElement processId=\"=shipProcessId\""
        + " propagateAllChildVariables=\"false\" />"))).isEmpty();
  }

  @Test
  void shouldRejectWhenCallActivityHasNoCalledElement() {
    // given
    String xml = process("""
        <bpmn:startEvent id="start" />
        <bpmn:callActivity id="ship" />
        """);

    // when / then
    assertThat(findings(xml)).containsExactly(finding("ship",
        "Expected a 'zeebe:calledElement' with a non-empty 'processId', but none was found"));
  }

  @Test
  void shouldRejectWhenCalledElementHasEmptyProcessId() {
    // given
    String xml = callActivity("<zeebe:calledElement processId=\" \" />");

    // when / then
    assertThat(findings(xml)).containsExactly(finding("ship",
        "Expected a 'zeebe:calledElement' with a non-empty 'processId', but the 'processId' was empty"));
  }

  @Test
  void shouldRejectWhenProcessIdExpressionDoesNotParse() {
    // given
    String xml = callActivity("<zeebe:calledElement processId=\"=if then\" />");

    // when / then
    assertThat(findings(xml)).singleElement().satisfies(f -> {
      assertThat(f.elementId()).isEqualTo("ship");
      assertThat(f.rule()).startsWith("Expected a valid FEEL expression in 'processId' of 'zeebe:calledElement', but ");
    });
  }

  @Test
  void shouldAcceptTerminateEndEvent() {
    // given
    String xml = process("""
        <bpmn:startEvent id="start"><bpmn:outgoing>f</bpmn:outgoing></bpmn:startEvent>
        <bpmn:sequenceFlow id="f" sourceRef="start" targetRef="end" />
        <bpmn:endEvent id="end"><bpmn:incoming>f</bpmn:incoming><bpmn:terminateEventDefinition /></bpmn:endEvent>
        """);

    // when / then
    assertThat(findings(xml)).isEmpty();
  }
}
