package dev.engranaje.engine.model.validation;

import static dev.engranaje.engine.model.validation.TestModels.finding;
import static dev.engranaje.engine.model.validation.TestModels.findings;
import static dev.engranaje.engine.model.validation.TestModels.process;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BusinessRuleTaskRulesValidationTest {

  private static String ruleTask(String extensions) {
    return process("""
        <bpmn:startEvent id="start" />
        <bpmn:businessRuleTask id="decide"><bpmn:extensionElements>%s</bpmn:extensionElements></bpmn:businessRuleTask>
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="decide" />
        """.formatted(extensions));
  }

  @Test
  void shouldAcceptWhenBusinessRuleTaskCallsADecisionOrHasATaskDefinition() {
    assertThat(findings(ruleTask("<zeebe:calledDecision decisionId=\"approval\" resultVariable=\"level\" />")))
        .isEmpty();
    assertThat(findings(ruleTask("<zeebe:calledDecision decisionId=\"=kind + &quot;-approval&quot;\" resultVariable=\"level\""
        + " bindingType=\"versionTag\" versionTag=\"v1\" />"))).isEmpty();
    assertThat(findings(ruleTask("<zeebe:taskDefinition type=\"rules\" />"))).isEmpty();
  }

  @Test
  void shouldRejectWhenBusinessRuleTaskHasNeitherCalledDecisionNorTaskDefinition() {
    assertThat(findings(ruleTask(""))).containsExactly(finding("decide", "Expected business rule task 'decide' to"
        + " have a 'zeebe:calledDecision' or a 'zeebe:taskDefinition', but it has neither"));
  }

  @Test
  void shouldRejectWhenCalledDecisionLacksDecisionIdOrResultVariable() {
    assertThat(findings(ruleTask("<zeebe:calledDecision />"))).contains(
        finding("decide", "Expected 'zeebe:calledDecision' of 'decide' to have a non-empty 'decisionId', but none"
            + " was found"),
        finding("decide", "Expected 'zeebe:calledDecision' of 'decide' to have a non-empty 'resultVariable', but none"
            + " was found"));
  }

  @Test
  void shouldRejectWhenVersionTagBindingHasNoVersionTag() {
    assertThat(findings(ruleTask("<zeebe:calledDecision decisionId=\"approval\" resultVariable=\"level\""
        + " bindingType=\"versionTag\" />"))).contains(finding("decide", "Expected 'zeebe:calledDecision' of 'decide'"
            + " with bindingType 'versionTag' to have a non-empty 'versionTag', but none was found"));
  }
}
