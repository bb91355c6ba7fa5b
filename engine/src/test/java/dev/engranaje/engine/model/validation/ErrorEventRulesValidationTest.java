package dev.engranaje.engine.model.validation;

import static dev.engranaje.engine.model.validation.TestModels.finding;
import static dev.engranaje.engine.model.validation.TestModels.findings;
import static dev.engranaje.engine.model.validation.TestModels.process;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorEventRulesValidationTest {

  private static final String ERRORS = """
      <bpmn:error id="Err_card" errorCode="INVALID_CARD" />
      <bpmn:error id="Err_dyn" errorCode="=code" />
      <bpmn:error id="Err_empty" />
      """;

  private static final String ACTIVITY = """
      <bpmn:startEvent id="start" />
      <bpmn:manualTask id="work" />
      <bpmn:endEvent id="end" />
      """;

  private static String boundary(String id, String attributes, String errorRef) {
    return "<bpmn:boundaryEvent id=\"" + id + "\" attachedToRef=\"work\" " + attributes + ">"
        + "<bpmn:errorEventDefinition " + errorRef + " /></bpmn:boundaryEvent>\n"
        + "<bpmn:sequenceFlow id=\"" + id + "_out\" sourceRef=\"" + id + "\" targetRef=\"end\" />\n";
  }

  @Test
  void shouldRejectWhenErrorBoundaryIsNonInterrupting() {
    // given
    String xml = process(ACTIVITY + boundary("b", "cancelActivity=\"false\"", ""), ERRORS);

    // when / then
    assertThat(findings(xml)).contains(finding("b", "Expected error boundary event 'b' to be"
        + " interrupting, but it has cancelActivity='false'"));
  }

  @Test
  void shouldRejectWhenTwoBoundaryEventsCatchTheSameCode() {
    // given
    String xml = process(ACTIVITY
        + boundary("b1", "", "errorRef=\"Err_card\"")
        + boundary("b2", "", "errorRef=\"Err_card\""), ERRORS);

    // when / then
    assertThat(findings(xml)).containsExactly(finding("b2", "Expected unique error codes among the"
        + " error boundary events of activity 'work', but 'INVALID_CARD' is caught by both 'b1' and"
        + " 'b2'"));
  }

  @Test
  void shouldRejectWhenTwoBoundaryEventsCatchAllErrors() {
    // given
    String xml = process(ACTIVITY
        + boundary("b1", "", "")
        + boundary("b2", "", "errorRef=\"Err_empty\""), ERRORS);

    // when / then
    assertThat(findings(xml)).containsExactly(finding("b2", "Expected at most one catch-all error"
        + " boundary event on activity 'work', but both 'b1' and 'b2' catch all errors"));
  }

  @Test
  void shouldAcceptWhenSpecificCatchAndCatchAllShareAnActivity() {
    // given
    String xml = process(ACTIVITY
        + boundary("b1", "", "")
        + boundary("b2", "", "errorRef=\"Err_card\""), ERRORS);

    // when / then
    assertThat(findings(xml)).isEmpty();
  }

  @Test
  void shouldRejectWhenErrorCatchUsesExpressionCode() {
    // given
    String xml = process(ACTIVITY + boundary("b", "", "errorRef=\"Err_dyn\""), ERRORS);

    // when / then
    assertThat(findings(xml)).contains(finding("b", "Expected a static error code on error catch"
        + " event 'b', but error 'Err_dyn' has the expression '=code'"));
  }

  @Test
  void shouldRejectWhenErrorEndEventHasNoErrorRef() {
    // given
    String xml = process("""
        <bpmn:startEvent id="start" />
        <bpmn:endEvent id="fail"><bpmn:errorEventDefinition /></bpmn:endEvent>
        <bpmn:sequenceFlow id="f" sourceRef="start" targetRef="fail" />
        """, ERRORS);

    // when / then
    assertThat(findings(xml)).contains(finding("fail", "Expected error end event 'fail' to"
        + " reference a 'bpmn:error' with 'errorRef', but none was set"));
  }

  @Test
  void shouldRejectWhenErrorEndEventThrowsErrorWithoutCode() {
    // given
    String xml = process("""
        <bpmn:startEvent id="start" />
        <bpmn:endEvent id="fail"><bpmn:errorEventDefinition errorRef="Err_empty" /></bpmn:endEvent>
        <bpmn:sequenceFlow id="f" sourceRef="start" targetRef="fail" />
        """, ERRORS);

    // when / then
    assertThat(findings(xml)).containsExactly(finding("fail", "Expected error 'Err_empty' thrown by"
        + " 'fail' to have a non-empty 'errorCode', but it was empty"));
  }

  @Test
  void shouldAcceptWhenErrorEndEventThrowsExpressionCode() {
    // given
    String xml = process("""
        <bpmn:startEvent id="start" />
        <bpmn:endEvent id="fail"><bpmn:errorEventDefinition errorRef="Err_dyn" /></bpmn:endEvent>
        <bpmn:sequenceFlow id="f" sourceRef="start" targetRef="fail" />
        """, ERRORS);

    // when / then
    assertThat(findings(xml)).isEmpty();
  }
}
