package dev.engranaje.engine.model.validation;

import static dev.engranaje.engine.model.validation.TestModels.finding;
import static dev.engranaje.engine.model.validation.TestModels.findings;
import static dev.engranaje.engine.model.validation.TestModels.process;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SignalRulesValidationTest {

  private static String signalEvents(String signal) {
    return process("""
        <bpmn:startEvent id="start"><bpmn:signalEventDefinition signalRef="s" /></bpmn:startEvent>
        <bpmn:intermediateCatchEvent id="catch"><bpmn:signalEventDefinition signalRef="s" /></bpmn:intermediateCatchEvent>
        <bpmn:serviceTask id="work">
          <bpmn:extensionElements><zeebe:taskDefinition type="work" /></bpmn:extensionElements>
        </bpmn:serviceTask>
        <bpmn:boundaryEvent id="onSignal" attachedToRef="work">
          <bpmn:signalEventDefinition signalRef="s" />
        </bpmn:boundaryEvent>
        <bpmn:intermediateThrowEvent id="throw"><bpmn:signalEventDefinition signalRef="s" /></bpmn:intermediateThrowEvent>
        <bpmn:endEvent id="end"><bpmn:signalEventDefinition signalRef="s" /></bpmn:endEvent>
        <bpmn:endEvent id="boundaryEnd" />
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="catch" />
        <bpmn:sequenceFlow id="f2" sourceRef="catch" targetRef="work" />
        <bpmn:sequenceFlow id="f3" sourceRef="work" targetRef="throw" />
        <bpmn:sequenceFlow id="f4" sourceRef="throw" targetRef="end" />
        <bpmn:sequenceFlow id="f5" sourceRef="onSignal" targetRef="boundaryEnd" />
        """, signal);
  }

  @Test
  void shouldAcceptWhenEverySignalEventKindReferencesNamedSignal() {
    // given
    String xml = signalEvents("<bpmn:signal id=\"s\" name=\"order-cancelled\" />");

    // when / then
    assertThat(findings(xml)).isEmpty();
  }

  @Test
  void shouldAcceptWhenStartEventSignalNameIsStaticFeel() {
    // given
    String xml = signalEvents("<bpmn:signal id=\"s\" name=\"=&quot;order-&quot; + &quot;cancelled&quot;\" />");

    // when / then
    assertThat(findings(xml)).isEmpty();
  }

  @Test
  void shouldRejectEverySignalEventWhenSignalHasNoName() {
    // given
    String xml = signalEvents("<bpmn:signal id=\"s\" />");

    // when / then
    assertThat(findings(xml)).contains(
        finding("start", "Expected signal event 'start' to reference a signal with a non-empty name, but none was found"),
        finding("catch", "Expected signal event 'catch' to reference a signal with a non-empty name, but none was found"),
        finding("throw", "Expected signal event 'throw' to reference a signal with a non-empty name, but none was found"));
  }

  @Test
  void shouldRejectStartEventWhenSignalNameUsesVariables() {
    // given
    String xml = signalEvents("<bpmn:signal id=\"s\" name=\"=&quot;order-&quot; + kind\" />");

    // when / then: only the start event needs a static name
    assertThat(findings(xml)).containsExactly(finding("start", "Expected the signal name of start event 'start' to"
        + " evaluate to a non-empty string without variables, but it did not"));
  }

  @Test
  void shouldRejectWhenSignalNameDoesNotParse() {
    // given
    String xml = signalEvents("<bpmn:signal id=\"s\" name=\"=order +\" />");

    // when / then
    assertThat(findings(xml)).extracting(ValidationFinding::elementId).contains("catch", "throw", "end");
  }

  @Test
  void shouldRejectWhenTwoBoundaryEventsOfOneActivityCatchTheSameSignal() {
    // given
    String xml = process("""
        <bpmn:startEvent id="start" />
        <bpmn:manualTask id="work" />
        <bpmn:boundaryEvent id="first" attachedToRef="work"><bpmn:signalEventDefinition signalRef="s" /></bpmn:boundaryEvent>
        <bpmn:boundaryEvent id="second" attachedToRef="work"><bpmn:signalEventDefinition signalRef="s" /></bpmn:boundaryEvent>
        <bpmn:endEvent id="end1" />
        <bpmn:endEvent id="end2" />
        <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="work" />
        <bpmn:sequenceFlow id="f1" sourceRef="first" targetRef="end1" />
        <bpmn:sequenceFlow id="f2" sourceRef="second" targetRef="end2" />
        """, "<bpmn:signal id=\"s\" name=\"stop\" />");

    // when / then
    assertThat(findings(xml)).containsExactly(finding("second", "Expected unique signal names among the boundary"
        + " events of activity 'work', but 'stop' is caught by both 'first' and 'second'"));
  }
}
