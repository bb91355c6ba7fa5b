package dev.engranaje.engine.model.validation;

import static dev.engranaje.engine.model.validation.TestModels.finding;
import static dev.engranaje.engine.model.validation.TestModels.findings;
import static dev.engranaje.engine.model.validation.TestModels.process;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ListenerRulesValidationTest {

  @Test
  void shouldRejectNamingTheUserTaskWhenItDeclaresTaskListeners() {
    String model = process("""
        <bpmn:startEvent id="start" />
        <bpmn:userTask id="approve"><bpmn:extensionElements><zeebe:userTask />
          <zeebe:taskListeners><zeebe:taskListener eventType="completing" type="audit" retries="3" /></zeebe:taskListeners>
        </bpmn:extensionElements></bpmn:userTask>
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="approve" />
        """);

    assertThat(findings(model)).contains(finding("approve", "Expected no 'zeebe:taskListeners' on 'approve', but it"
        + " declares some; listeners are not supported by the embedded engine yet: remove them, or run this model on"
        + " Camunda 8"));
  }

  @Test
  void shouldRejectNamingTheElementWhenItDeclaresExecutionListeners() {
    String model = process("""
        <bpmn:startEvent id="start"><bpmn:extensionElements>
          <zeebe:executionListeners><zeebe:executionListener eventType="start" type="audit" retries="3" /></zeebe:executionListeners>
        </bpmn:extensionElements></bpmn:startEvent>
        """);

    assertThat(findings(model)).contains(finding("start", "Expected no 'zeebe:executionListeners' on 'start', but it"
        + " declares some; listeners are not supported by the embedded engine yet: remove them, or run this model on"
        + " Camunda 8"));
  }
}
