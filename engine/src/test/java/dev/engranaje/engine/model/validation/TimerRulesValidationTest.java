package dev.engranaje.engine.model.validation;

import static dev.engranaje.engine.model.validation.TestModels.finding;
import static dev.engranaje.engine.model.validation.TestModels.findings;
import static dev.engranaje.engine.model.validation.TestModels.process;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimerRulesValidationTest {

  private static String timerBoundary(String attributes, String timer) {
    return process("""
        <bpmn:startEvent id="start" />
        <bpmn:manualTask id="work" />
        <bpmn:endEvent id="end" />
        <bpmn:boundaryEvent id="t" attachedToRef="work" %s>
          <bpmn:timerEventDefinition>%s</bpmn:timerEventDefinition>
        </bpmn:boundaryEvent>
        <bpmn:sequenceFlow id="out" sourceRef="t" targetRef="end" />
        """.formatted(attributes, timer));
  }

  @Test
  void shouldRejectWhenTimerCatchEventUsesCycle() {
    // given
    String xml = process("""
        <bpmn:startEvent id="start" />
        <bpmn:intermediateCatchEvent id="wait">
          <bpmn:timerEventDefinition><bpmn:timeCycle>R3/PT10S</bpmn:timeCycle></bpmn:timerEventDefinition>
        </bpmn:intermediateCatchEvent>
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
        """);

    // when / then
    assertThat(findings(xml)).containsExactly(finding("wait", "Expected timer intermediate catch event 'wait' to use"
        + " 'timeDuration' or 'timeDate', but it uses 'timeCycle'"));
  }

  @Test
  void shouldRejectWhenInterruptingTimerUsesCycle() {
    // given
    String xml = timerBoundary("", "<bpmn:timeCycle>R3/PT10S</bpmn:timeCycle>");

    // when / then
    assertThat(findings(xml)).containsExactly(finding("t", "Expected interrupting timer boundary"
        + " event 't' to use 'timeDuration' or 'timeDate', but it uses 'timeCycle'"));
  }

  @Test
  void shouldRejectWhenStaticDurationDoesNotParse() {
    // given
    String xml = timerBoundary("", "<bpmn:timeDuration>15 minutes</bpmn:timeDuration>");

    // when / then
    assertThat(findings(xml)).containsExactly(finding("t", "Expected 'timeDuration' of timer event"
        + " 't' to be an ISO-8601 duration such as 'PT15S', but '15 minutes' could not be parsed"));
  }

  @Test
  void shouldRejectWhenStaticDateHasNoOffset() {
    // given
    String xml = timerBoundary("", "<bpmn:timeDate>2025-13-01</bpmn:timeDate>");

    // when / then
    assertThat(findings(xml)).containsExactly(finding("t", "Expected 'timeDate' of timer event 't'"
        + " to be an ISO-8601 date-time with offset such as '2025-01-01T10:00:00Z', but"
        + " '2025-13-01' could not be parsed"));
  }

  @Test
  void shouldRejectWhenTimerDefinesNoValue() {
    // given
    String xml = timerBoundary("", "");

    // when / then
    assertThat(findings(xml)).contains(finding("t", "Expected timer event 't' to define exactly one"
        + " of 'timeDate', 'timeDuration' or 'timeCycle', but found none"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "cancelActivity=\"false\" | <bpmn:timeCycle>R5/PT10S</bpmn:timeCycle>",
      "cancelActivity=\"false\" | <bpmn:timeCycle>R/2024-01-01T10:00:00Z/P1D</bpmn:timeCycle>",
      "cancelActivity=\"false\" | <bpmn:timeCycle>0 0 9-17 * * MON-FRI</bpmn:timeCycle>",
      "cancelActivity=\"false\" | <bpmn:timeCycle>=cycle(duration(\"PT1H\"))</bpmn:timeCycle>",
      "| <bpmn:timeDuration>P14DT1H</bpmn:timeDuration>",
      "| <bpmn:timeDuration>P1Y2M</bpmn:timeDuration>",
      "| <bpmn:timeDate>2025-01-01T10:00:00+01:00</bpmn:timeDate>",
      "| <bpmn:timeDuration>=duration(\"PT\" + string(n) + \"S\")</bpmn:timeDuration>"
  })
  void shouldAcceptWhenTimerValueIsValid(String attributes, String timer) {
    // given
    String xml = timerBoundary(attributes == null ? "" : attributes, timer);

    // when / then
    assertThat(findings(xml)).isEmpty();
  }
}
