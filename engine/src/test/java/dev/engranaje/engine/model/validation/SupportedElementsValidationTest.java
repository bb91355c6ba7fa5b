package dev.engranaje.engine.model.validation;

import static dev.engranaje.engine.model.validation.TestModels.finding;
import static dev.engranaje.engine.model.validation.TestModels.findings;
import static dev.engranaje.engine.model.validation.TestModels.process;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SupportedElementsValidationTest {

  @Test
  void shouldRejectWhenProcessContainsComplexGateway() {
    // given
    String xml = process("""
        <bpmn:startEvent id="start" />
        <bpmn:complexGateway id="approve" />
        """);

    // when / then
    assertThat(findings(xml)).containsExactly(finding("approve",
        "Expected a supported BPMN element, but 'complexGateway' (id 'approve') is not supported yet"));
  }

  @Test
  void shouldRejectWhenActivityHasStandardLoop() {
    // given
    String xml = process("""
        <bpmn:startEvent id="start" />
        <bpmn:task id="retry">
          <bpmn:standardLoopCharacteristics />
        </bpmn:task>
        """);

    // when / then
    assertThat(findings(xml)).containsExactly(finding("retry",
        "Expected a supported BPMN element, but 'standardLoopCharacteristics' (id 'retry') is not supported yet"));
  }

  @Test
  void shouldAcceptWhenProcessContainsUserTask() {
    // given
    String xml = process("""
        <bpmn:startEvent id="start" />
        <bpmn:userTask id="approve" />
        """);

    // when / then
    assertThat(findings(xml)).isEmpty();
  }

  @Test
  void shouldRejectWhenBoundaryEventHasConditionalDefinition() {
    // given
    String xml = process("""
        <bpmn:startEvent id="start" />
        <bpmn:manualTask id="work" />
        <bpmn:boundaryEvent id="onCondition" attachedToRef="work">
          <bpmn:outgoing>f1</bpmn:outgoing>
          <bpmn:conditionalEventDefinition><bpmn:condition>=x</bpmn:condition></bpmn:conditionalEventDefinition>
        </bpmn:boundaryEvent>
        <bpmn:endEvent id="end" />
        <bpmn:sequenceFlow id="f1" sourceRef="onCondition" targetRef="end" />
        """);

    // when / then
    assertThat(findings(xml)).contains(finding("onCondition",
        "Expected a supported BPMN element, but 'boundaryEvent' with 'conditionalEventDefinition'"
            + " (id 'onCondition') is not supported yet"));
  }

  @Test
  void shouldAcceptWhenEventSubprocessesStartWithTimerMessageOrError() {
    // given
    String xml = process("""
        <bpmn:startEvent id="start" />
        <bpmn:subProcess id="onTimer" triggeredByEvent="true">
          <bpmn:startEvent id="timerStart" isInterrupting="false"><bpmn:timerEventDefinition>
            <bpmn:timeCycle>R/PT1M</bpmn:timeCycle>
          </bpmn:timerEventDefinition></bpmn:startEvent>
        </bpmn:subProcess>
        <bpmn:subProcess id="onMessage" triggeredByEvent="true">
          <bpmn:startEvent id="messageStart"><bpmn:messageEventDefinition messageRef="m" /></bpmn:startEvent>
        </bpmn:subProcess>
        <bpmn:subProcess id="onError" triggeredByEvent="true">
          <bpmn:startEvent id="errorStart"><bpmn:errorEventDefinition /></bpmn:startEvent>
        </bpmn:subProcess>
        """, """
        <bpmn:message id="m" name="note">
          <bpmn:extensionElements><zeebe:subscription correlationKey="=orderId" /></bpmn:extensionElements>
        </bpmn:message>
        """);

    // when / then
    assertThat(findings(xml)).noneMatch(f -> f.rule().contains("is not supported yet"));
  }

  @Test
  void shouldAcceptWhenEventSubprocessStartsWithSignal() {
    // given
    String xml = process("""
        <bpmn:startEvent id="start" />
        <bpmn:subProcess id="events" triggeredByEvent="true">
          <bpmn:startEvent id="innerStart"><bpmn:signalEventDefinition signalRef="s" /></bpmn:startEvent>
        </bpmn:subProcess>
        """, "<bpmn:signal id=\"s\" name=\"=reason\" />");

    // when / then
    assertThat(findings(xml)).isEmpty();
  }

  @Test
  void shouldRejectWhenEventSubprocessStartsWithCondition() {
    // given
    String xml = process("""
        <bpmn:startEvent id="start" />
        <bpmn:subProcess id="events" triggeredByEvent="true">
          <bpmn:startEvent id="innerStart">
            <bpmn:conditionalEventDefinition><bpmn:condition>=ready</bpmn:condition></bpmn:conditionalEventDefinition>
          </bpmn:startEvent>
        </bpmn:subProcess>
        """);

    // when / then
    assertThat(findings(xml)).contains(finding("innerStart", "Expected a supported BPMN element, but 'startEvent' with"
        + " 'conditionalEventDefinition' (id 'innerStart') is not supported yet"));
  }

  @Test
  void shouldRejectWhenErrorStartIsOutsideAnEventSubprocess() {
    // given
    String xml = process("""
        <bpmn:startEvent id="start" />
        <bpmn:startEvent id="errorStart"><bpmn:errorEventDefinition /></bpmn:startEvent>
        <bpmn:subProcess id="sub">
          <bpmn:startEvent id="innerStart" />
          <bpmn:startEvent id="innerError"><bpmn:errorEventDefinition /></bpmn:startEvent>
        </bpmn:subProcess>
        """);

    // when / then
    assertThat(findings(xml)).contains(
        finding("errorStart", "Expected a supported BPMN element, but 'startEvent' with"
            + " 'errorEventDefinition' (id 'errorStart') is not supported yet"),
        finding("innerError", "Expected a supported BPMN element, but 'startEvent' with"
            + " 'errorEventDefinition' (id 'innerError') is not supported yet"));
  }

  @Test
  void shouldAcceptEscalationThrowEndBoundaryAndEventSubprocessStart() {
    // given
    String xml = process("""
        <bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
        <bpmn:intermediateThrowEvent id="late">
          <bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
          <bpmn:escalationEventDefinition escalationRef="esc" />
        </bpmn:intermediateThrowEvent>
        <bpmn:subProcess id="sub">
          <bpmn:incoming>f2</bpmn:incoming>
          <bpmn:startEvent id="subStart"><bpmn:outgoing>f3</bpmn:outgoing></bpmn:startEvent>
          <bpmn:endEvent id="subEnd">
            <bpmn:incoming>f3</bpmn:incoming><bpmn:escalationEventDefinition escalationRef="esc" />
          </bpmn:endEvent>
          <bpmn:sequenceFlow id="f3" sourceRef="subStart" targetRef="subEnd" />
        </bpmn:subProcess>
        <bpmn:boundaryEvent id="onLate" attachedToRef="sub" cancelActivity="false">
          <bpmn:outgoing>f4</bpmn:outgoing><bpmn:escalationEventDefinition />
        </bpmn:boundaryEvent>
        <bpmn:endEvent id="handled"><bpmn:incoming>f4</bpmn:incoming></bpmn:endEvent>
        <bpmn:subProcess id="onEscalation" triggeredByEvent="true">
          <bpmn:startEvent id="escStart" isInterrupting="false">
            <bpmn:escalationEventDefinition escalationRef="esc" />
          </bpmn:startEvent>
        </bpmn:subProcess>
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="late" />
        <bpmn:sequenceFlow id="f2" sourceRef="late" targetRef="sub" />
        <bpmn:sequenceFlow id="f4" sourceRef="onLate" targetRef="handled" />
        """, "<bpmn:escalation id=\"esc\" escalationCode=\"LATE\" />");

    // when / then
    assertThat(findings(xml)).isEmpty();
  }

  @Test
  void shouldRejectWhenEscalationBoundaryIsAttachedToATask() {
    // given
    String xml = process("""
        <bpmn:startEvent id="start" />
        <bpmn:manualTask id="work" />
        <bpmn:boundaryEvent id="onLate" attachedToRef="work" cancelActivity="false">
          <bpmn:outgoing>f1</bpmn:outgoing><bpmn:escalationEventDefinition />
        </bpmn:boundaryEvent>
        <bpmn:endEvent id="end" />
        <bpmn:sequenceFlow id="f1" sourceRef="onLate" targetRef="end" />
        """);

    // when / then
    assertThat(findings(xml)).containsExactly(finding("onLate", "Expected escalation boundary event 'onLate' to be"
        + " attached to a subprocess or a call activity, but 'work' is neither"));
  }

  @Test
  void shouldRejectWhenMultiInstanceHasNoInputCollection() {
    // given
    String xml = process("""
        <bpmn:startEvent id="start" />
        <bpmn:manualTask id="each">
          <bpmn:multiInstanceLoopCharacteristics />
        </bpmn:manualTask>
        """);

    // when / then
    assertThat(findings(xml)).containsExactly(finding("each", "Expected multi-instance activity 'each' to have a"
        + " 'zeebe:loopCharacteristics' with an 'inputCollection', but none was found"));
  }

  @Test
  void shouldIgnoreArtifactsWhenTheyAccompanySupportedElements() {
    // given
    String xml = process("""
        <bpmn:laneSet id="lanes"><bpmn:lane id="lane"><bpmn:flowNodeRef>start</bpmn:flowNodeRef></bpmn:lane></bpmn:laneSet>
        <bpmn:startEvent id="start" />
        <bpmn:dataObject id="data" />
        <bpmn:dataObjectReference id="dataRef" dataObjectRef="data" />
        <bpmn:textAnnotation id="note"><bpmn:text>hello</bpmn:text></bpmn:textAnnotation>
        <bpmn:association id="assoc" sourceRef="start" targetRef="note" />
        """);

    // when / then
    assertThat(findings(xml)).isEmpty();
  }

  @Test
  void shouldAcceptWhenProcessHasOnlyATimerStartAndATimerCatchEvent() {
    // given
    String xml = process("""
        <bpmn:startEvent id="tick"><bpmn:timerEventDefinition>
          <bpmn:timeCycle>0 0 7 * * MON-FRI</bpmn:timeCycle>
        </bpmn:timerEventDefinition></bpmn:startEvent>
        <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition>
          <bpmn:timeDuration>PT1H</bpmn:timeDuration>
        </bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
        <bpmn:endEvent id="end" />
        <bpmn:sequenceFlow id="f1" sourceRef="tick" targetRef="wait" />
        <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="end" />
        """);

    // when / then
    assertThat(findings(xml)).isEmpty();
  }

  @Test
  void shouldRejectWhenEmbeddedSubprocessHasTimerStart() {
    // given
    String xml = process("""
        <bpmn:startEvent id="start" />
        <bpmn:subProcess id="sub">
          <bpmn:startEvent id="innerStart" />
          <bpmn:startEvent id="innerTimer"><bpmn:timerEventDefinition>
            <bpmn:timeDate>2026-01-01T07:00:00Z</bpmn:timeDate>
          </bpmn:timerEventDefinition></bpmn:startEvent>
        </bpmn:subProcess>
        """);

    // when / then
    assertThat(findings(xml)).contains(finding("innerTimer", "Expected a supported BPMN element, but 'startEvent' with"
        + " 'timerEventDefinition' (id 'innerTimer') is not supported yet"));
  }
}
