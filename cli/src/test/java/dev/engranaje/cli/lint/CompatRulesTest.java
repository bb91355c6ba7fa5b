package dev.engranaje.cli.lint;

import static dev.engranaje.cli.lint.InlineModels.lint;
import static dev.engranaje.cli.lint.InlineModels.lintAll;
import static dev.engranaje.cli.lint.InlineModels.process;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

class CompatRulesTest {

  @Test
  void shouldRefuseAnEmbeddedFormKeyWhenTheUserTaskIsACamundaUserTask() {
    String model = process("<bpmn:userTask id=\"u\"><bpmn:extensionElements><zeebe:userTask/>"
        + "<zeebe:formDefinition formKey=\"camunda-forms:bpmn:f\"/></bpmn:extensionElements></bpmn:userTask>");

    assertThat(lint(model, "camunda-compat/user-task-form")).extracting(LintFinding::message).containsExactly(
        "Expected the form definition of Camunda user task 'u' to use 'formId' or 'externalReference', but it sets"
            + " 'formKey' (embedded forms are for job-worker user tasks only)");
  }

  @Test
  void shouldWarnWhenAUserTaskIsAJobWorkerUserTask() {
    String model = process("<bpmn:userTask id=\"u\"/>");

    assertThat(lint(model, "camunda-compat/zeebe-user-task")).extracting(LintFinding::elementId, LintFinding::severity)
        .containsExactly(tuple("u", Severity.WARNING));
  }

  @Test
  void shouldRefuseACycleWhenTheTimerIsAnIntermediateCatchEvent() {
    String model = process("<bpmn:intermediateCatchEvent id=\"wait\"><bpmn:timerEventDefinition>"
        + "<bpmn:timeCycle>R/PT1H</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>");

    assertThat(lint(model, "camunda-compat/timer")).extracting(LintFinding::message).containsExactly(
        "Expected timer 'wait' (intermediateCatchEvent) to use one of [timeDate, timeDuration], but it uses timeCycle");
  }

  @Test
  void shouldRequireACorrelationKeyWhenAMessageIsCaughtInsideAnInstance() {
    String model = process("<bpmn:intermediateCatchEvent id=\"paid\"><bpmn:messageEventDefinition messageRef=\"m\"/>"
        + "</bpmn:intermediateCatchEvent>", "<bpmn:message id=\"m\" name=\"payment-received\"/>");

    assertThat(lint(model, "camunda-compat/subscription")).extracting(LintFinding::message).containsExactly(
        "Expected message 'm' caught by 'paid' to have a correlation key (zeebe:subscription correlationKey), but it has none");
  }

  @Test
  void shouldNameTheDanglingErrorWhenAnErrorEndEventReferencesNothing() {
    String model = process("<bpmn:endEvent id=\"fail\"><bpmn:errorEventDefinition errorRef=\"nope\"/></bpmn:endEvent>");

    assertThat(lint(model, "camunda-compat/error-reference")).extracting(LintFinding::message).containsExactly(
        "Expected endEvent 'fail' to reference an error with 'errorCode', but 'nope' does not exist");
  }

  @Test
  void shouldNameTheRepeatedKeyWhenTaskHeadersRepeat() {
    String model = process("<bpmn:serviceTask id=\"t\"><bpmn:extensionElements><zeebe:taskDefinition type=\"x\"/>"
        + "<zeebe:taskHeaders><zeebe:header key=\"k\" value=\"1\"/><zeebe:header key=\"k\" value=\"2\"/>"
        + "</zeebe:taskHeaders></bpmn:extensionElements></bpmn:serviceTask>");

    assertThat(lint(model, "camunda-compat/duplicate-task-headers")).extracting(LintFinding::message)
        .containsExactly("Expected each task header key once on 't', but 'k' appears more than once");
  }

  @Test
  void shouldRequireAnInputCollectionWhenAnActivityIsMultiInstance() {
    String model = process("<bpmn:manualTask id=\"each\"><bpmn:multiInstanceLoopCharacteristics/></bpmn:manualTask>");

    assertThat(lint(model, "camunda-compat/loop-characteristics")).extracting(LintFinding::elementId)
        .containsExactly("each");
  }

  @Test
  void shouldTellTheEngineFindingOnceWhenACompatRuleSeesTheSameProblem() {
    String model = process("<bpmn:startEvent id=\"s\"/><bpmn:serviceTask id=\"t\"><bpmn:extensionElements>"
        + "<zeebe:taskDefinition type=\"\"/></bpmn:extensionElements></bpmn:serviceTask>");

    assertThat(lint(model, "camunda-compat/implementation")).extracting(LintFinding::elementId).containsExactly("t");
    assertThat(lintAll(model, "deployment")).extracting(LintFinding::elementId).contains("t");
    assertThat(lintAll(model, "camunda-compat/implementation")).isEmpty();
  }
}
