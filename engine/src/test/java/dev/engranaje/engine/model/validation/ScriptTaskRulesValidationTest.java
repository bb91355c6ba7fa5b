package dev.engranaje.engine.model.validation;

import static dev.engranaje.engine.model.validation.TestModels.finding;
import static dev.engranaje.engine.model.validation.TestModels.findings;
import static dev.engranaje.engine.model.validation.TestModels.process;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScriptTaskRulesValidationTest {

  private static String scriptTask(String extensions) {
    return process("""
        <bpmn:startEvent id="start" />
        <bpmn:scriptTask id="script"><bpmn:extensionElements>%s</bpmn:extensionElements></bpmn:scriptTask>
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="script" />
        """.formatted(extensions));
  }

  @Test
  void shouldAcceptWhenScriptTaskHasFeelScriptOrTaskDefinition() {
    assertThat(findings(scriptTask("<zeebe:script expression=\"=a + b\" resultVariable=\"sum\" />"))).isEmpty();
    assertThat(findings(scriptTask("<zeebe:taskDefinition type=\"script\" />"))).isEmpty();
  }

  @Test
  void shouldRejectWhenScriptTaskHasNeitherScriptNorTaskDefinition() {
    assertThat(findings(scriptTask(""))).containsExactly(finding("script",
        "Expected script task 'script' to have a 'zeebe:script' or a 'zeebe:taskDefinition', but it has neither"));
  }

  @Test
  void shouldRejectWhenScriptExpressionIsNotFeelOrResultVariableMissing() {
    assertThat(findings(scriptTask("<zeebe:script expression=\"a + b\" />"))).containsExactly(
        finding("script", "Expected 'zeebe:script' of 'script' to have a FEEL 'expression' (starting with '='),"
            + " but it was 'a + b'"),
        finding("script", "Expected 'zeebe:script' of 'script' to have a non-empty 'resultVariable', but none was found"));
  }
}
