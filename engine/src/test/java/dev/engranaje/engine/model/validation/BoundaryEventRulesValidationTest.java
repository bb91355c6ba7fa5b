package dev.engranaje.engine.model.validation;

import static dev.engranaje.engine.model.validation.TestModels.finding;
import static dev.engranaje.engine.model.validation.TestModels.findings;
import static dev.engranaje.engine.model.validation.TestModels.process;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BoundaryEventRulesValidationTest {

  private static final String ACTIVITY = """
      <bpmn:startEvent id="start" />
      <bpmn:manualTask id="work" />
      <bpmn:endEvent id="end" />
      """;

  @Test
  void shouldRejectWhenBoundaryEventHasTwoDefinitions() {
    // given
    String xml = process(ACTIVITY + """
        <bpmn:boundaryEvent id="b" attachedToRef="work">
          <bpmn:errorEventDefinition />
          <bpmn:timerEventDefinition><bpmn:timeDuration>PT1M</bpmn:timeDuration></bpmn:timerEventDefinition>
        </bpmn:boundaryEvent>
        <bpmn:sequenceFlow id="out" sourceRef="b" targetRef="end" />
        """);

    // when / then
    assertThat(findings(xml)).contains(finding("b",
        "Expected boundary event 'b' to have exactly one event definition, but found 2"));
  }

  @Test
  void shouldRejectWhenBoundaryEventHasIncomingFlow() {
    // given
    String xml = process(ACTIVITY + """
        <bpmn:boundaryEvent id="b" attachedToRef="work"><bpmn:errorEventDefinition /></bpmn:boundaryEvent>
        <bpmn:sequenceFlow id="in" sourceRef="start" targetRef="b" />
        <bpmn:sequenceFlow id="out" sourceRef="b" targetRef="end" />
        """);

    // when / then
    assertThat(findings(xml)).contains(finding("b",
        "Expected boundary event 'b' to have no incoming sequence flow, but found 'in'"));
  }

  @Test
  void shouldRejectWhenBoundaryEventHasNoOutgoingFlow() {
    // given
    String xml = process(ACTIVITY + """
        <bpmn:boundaryEvent id="b" attachedToRef="work"><bpmn:errorEventDefinition /></bpmn:boundaryEvent>
        """);

    // when / then
    assertThat(findings(xml)).containsExactly(finding("b", "Expected boundary event 'b' to have at"
        + " least one outgoing sequence flow, but none was found"));
  }

  @Test
  void shouldRejectWhenBoundaryEventIsAttachedToNonActivity() {
    // given
    String xml = process(ACTIVITY + """
        <bpmn:boundaryEvent id="b" attachedToRef="end"><bpmn:errorEventDefinition /></bpmn:boundaryEvent>
        <bpmn:sequenceFlow id="out" sourceRef="b" targetRef="end" />
        """);

    // when / then
    assertThat(findings(xml)).contains(finding("b", "Expected boundary event 'b' to be attached to"
        + " an activity with 'attachedToRef', but 'end' is not an activity"));
  }
}
