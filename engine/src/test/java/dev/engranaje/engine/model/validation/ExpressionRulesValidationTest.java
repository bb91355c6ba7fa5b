package dev.engranaje.engine.model.validation;

import static dev.engranaje.engine.model.validation.TestModels.findings;
import static dev.engranaje.engine.model.validation.TestModels.finding;
import static dev.engranaje.engine.model.validation.TestModels.process;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExpressionRulesValidationTest {

  private static String gatewayWithCondition(String condition) {
    return process("""
        <bpmn:startEvent id="start" />
        <bpmn:exclusiveGateway id="gw" default="else" />
        <bpmn:endEvent id="a" />
        <bpmn:endEvent id="b" />
        <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="gw" />
        <bpmn:sequenceFlow id="big" sourceRef="gw" targetRef="a">
          <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">%s</bpmn:conditionExpression>
        </bpmn:sequenceFlow>
        <bpmn:sequenceFlow id="else" sourceRef="gw" targetRef="b" />
        """.formatted(condition));
  }

  private static String serviceTask(String extensions) {
    return process("<bpmn:startEvent id=\"start\" />\n<bpmn:serviceTask id=\"charge\">"
        + "<bpmn:extensionElements>" + extensions + "</bpmn:extensionElements>"
        + "</bpmn:serviceTask>");
  }

  @Test
  void shouldNameFlowAndParseErrorWhenConditionDoesNotParse() {
    // given
    String xml = gatewayWithCondition("= total &gt;");

    // when / then
    assertThat(findings(xml)).singleElement().satisfies(finding -> {
      assertThat(finding.elementId()).isEqualTo("big");
      assertThat(finding.rule()).startsWith("Expected a valid FEEL expression in"
          + " 'conditionExpression', but failed to parse expression ' total >': Expected");
    });
  }

  @Test
  void shouldRejectWhenConditionIsNotAnExpression() {
    // given
    String xml = gatewayWithCondition("total &gt; 100");

    // when / then
    assertThat(findings(xml)).containsExactly(finding("big", "Expected the 'conditionExpression'"
        + " of sequence flow 'big' to be a FEEL expression starting with '=', but it was"
        + " 'total > 100'"));
  }

  @Test
  void shouldNameAttributeWhenMultiInstanceInputCollectionDoesNotParse() {
    // given
    String xml = process("""
        <bpmn:startEvent id="start" />
        <bpmn:serviceTask id="charge">
          <bpmn:extensionElements><zeebe:taskDefinition type="payment" /></bpmn:extensionElements>
          <bpmn:multiInstanceLoopCharacteristics>
            <bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=[1," /></bpmn:extensionElements>
          </bpmn:multiInstanceLoopCharacteristics>
        </bpmn:serviceTask>
        """);

    // when / then
    assertThat(findings(xml)).singleElement().satisfies(finding -> {
      assertThat(finding.elementId()).isEqualTo("charge");
      assertThat(finding.rule()).startsWith("Expected a valid FEEL expression in 'inputCollection' of"
          + " 'zeebe:loopCharacteristics', but failed to parse expression '[1,'");
    });
  }

  @Test
  void shouldNameTargetWhenInputSourceDoesNotParse() {
    // given
    String xml = serviceTask("""
        <zeebe:taskDefinition type="payment" />
        <zeebe:ioMapping><zeebe:input source="={a:" target="order" /></zeebe:ioMapping>
        """);

    // when / then
    assertThat(findings(xml)).singleElement().satisfies(finding -> {
      assertThat(finding.elementId()).isEqualTo("charge");
      assertThat(finding.rule()).startsWith("Expected a valid FEEL expression in 'source' of"
          + " 'zeebe:input' with target 'order', but failed to parse expression '{a:'");
    });
  }

  @Test
  void shouldRejectWhenOutputSourceIsStatic() {
    // given
    String xml = serviceTask("""
        <zeebe:taskDefinition type="payment" />
        <zeebe:ioMapping><zeebe:output source="paid" target="status" /></zeebe:ioMapping>
        """);

    // when / then
    assertThat(findings(xml)).containsExactly(finding("charge", "Expected the 'source' of"
        + " 'zeebe:output' with target 'status' to be a FEEL expression starting with '=', but it"
        + " was 'paid'"));
  }

  @Test
  void shouldRejectWhenMappingTargetIsNotAPath() {
    // given
    String xml = serviceTask("""
        <zeebe:taskDefinition type="payment" />
        <zeebe:ioMapping><zeebe:output source="=x" target="order..total" /></zeebe:ioMapping>
        """);

    // when / then
    assertThat(findings(xml)).containsExactly(finding("charge", "Expected the 'target' of"
        + " 'zeebe:output' to be a variable name or a dotted path such as 'order.total', but it"
        + " was 'order..total'"));
  }

  @Test
  void shouldRejectWhenJobTypeExpressionDoesNotParse() {
    // given
    String xml = serviceTask("<zeebe:taskDefinition type=\"=if x then\" retries=\"=3 +\" />");

    // when / then
    assertThat(findings(xml))
        .extracting(ValidationFinding::rule)
        .anySatisfy(rule -> assertThat(rule).startsWith(
            "Expected a valid FEEL expression in 'type' of 'zeebe:taskDefinition', but"))
        .anySatisfy(rule -> assertThat(rule).startsWith(
            "Expected a valid FEEL expression in 'retries' of 'zeebe:taskDefinition', but"));
  }

  @Test
  void shouldRejectWhenTimerExpressionDoesNotParse() {
    // given
    String xml = process("""
        <bpmn:startEvent id="start" />
        <bpmn:manualTask id="work" />
        <bpmn:endEvent id="end" />
        <bpmn:boundaryEvent id="t" attachedToRef="work">
          <bpmn:timerEventDefinition><bpmn:timeDuration>=duration(</bpmn:timeDuration></bpmn:timerEventDefinition>
        </bpmn:boundaryEvent>
        <bpmn:sequenceFlow id="out" sourceRef="t" targetRef="end" />
        """);

    // when / then
    assertThat(findings(xml)).singleElement().satisfies(finding -> {
      assertThat(finding.elementId()).isEqualTo("t");
      assertThat(finding.rule()).startsWith(
          "Expected a valid FEEL expression in 'timeDuration', but failed to parse expression");
    });
  }
}
