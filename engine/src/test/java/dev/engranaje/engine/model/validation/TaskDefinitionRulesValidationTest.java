package dev.engranaje.engine.model.validation;

import static dev.engranaje.engine.model.validation.TestModels.finding;
import static dev.engranaje.engine.model.validation.TestModels.findings;
import static dev.engranaje.engine.model.validation.TestModels.process;
import static dev.engranaje.engine.model.validation.TestModels.validate;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TaskDefinitionRulesValidationTest {

  private static String serviceTask(String extensions) {
    return process("<bpmn:startEvent id=\"start\" />\n<bpmn:serviceTask id=\"charge\">"
        + "<bpmn:extensionElements>" + extensions + "</bpmn:extensionElements>"
        + "</bpmn:serviceTask>");
  }

  @Test
  void shouldRejectWhenServiceTaskHasNoTaskDefinition() {
    // given
    String xml = process("""
        <bpmn:startEvent id="start" />
        <bpmn:serviceTask id="charge" />
        """);

    // when
    ValidatedResource result = validate(xml);

    // then
    assertThat(result.findings()).containsExactly(finding("charge",
        "Expected a 'zeebe:taskDefinition' with a non-empty 'type', but none was found"));
    assertThat(result.describe()).isEqualTo("test.bpmn: element 'charge': Expected a"
        + " 'zeebe:taskDefinition' with a non-empty 'type', but none was found");
  }

  @Test
  void shouldRejectWhenSendTaskHasEmptyJobType() {
    // given
    String xml = process("""
        <bpmn:startEvent id="start" />
        <bpmn:sendTask id="notify">
          <bpmn:extensionElements><zeebe:taskDefinition type=" " /></bpmn:extensionElements>
        </bpmn:sendTask>
        """);

    // when / then
    assertThat(findings(xml)).containsExactly(finding("notify",
        "Expected a 'zeebe:taskDefinition' with a non-empty 'type', but the 'type' was empty"));
  }

  @Test
  void shouldRejectWhenRetriesIsNeitherNumberNorExpression() {
    // given
    String xml = serviceTask("<zeebe:taskDefinition type=\"payment\" retries=\"many\" />");

    // when / then
    assertThat(findings(xml)).containsExactly(finding("charge", "Expected 'retries' of"
        + " 'zeebe:taskDefinition' to be a number or a FEEL expression starting with '=', but it"
        + " was 'many'"));
  }

  @Test
  void shouldRejectWhenHeaderKeyIsDuplicated() {
    // given
    String xml = serviceTask("""
        <zeebe:taskDefinition type="payment" />
        <zeebe:taskHeaders>
          <zeebe:header key="method" value="VISA" />
          <zeebe:header key="method" value="AMEX" />
        </zeebe:taskHeaders>
        """);

    // when / then
    assertThat(findings(xml)).containsExactly(finding("charge",
        "Expected unique task header keys, but 'method' occurs 2 times"));
  }

  @Test
  void shouldRejectWhenHeaderKeyUsesReservedPrefix() {
    // given
    String xml = serviceTask("""
        <zeebe:taskDefinition type="payment" />
        <zeebe:taskHeaders><zeebe:header key="io.camunda.zeebe:userTaskKey" value="1" /></zeebe:taskHeaders>
        """);

    // when / then
    assertThat(findings(xml)).containsExactly(finding("charge", "Expected task header keys not to"
        + " start with 'io.camunda.zeebe:', but found 'io.camunda.zeebe:userTaskKey'"));
  }

  @Test
  void shouldReportZeebeDesignTimeFindingWhenTaskHasTwoTaskDefinitions() {
    // given
    String xml = serviceTask("""
        <zeebe:taskDefinition type="payment" />
        <zeebe:taskDefinition type="refund" />
        """);

    // when / then
    assertThat(findings(xml)).containsExactly(finding("charge", "Expected the model to satisfy"
        + " Zeebe's design-time rules, but 'serviceTask': Must have exactly one"
        + " 'zeebe:taskDefinition' extension element"));
  }
}
