package dev.engranaje.engine.model.validation;

import static dev.engranaje.engine.model.validation.TestModels.definitions;
import static dev.engranaje.engine.model.validation.TestModels.finding;
import static dev.engranaje.engine.model.validation.TestModels.findings;
import static dev.engranaje.engine.model.validation.TestModels.process;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessRulesValidationTest {

  @Test
  void shouldRejectWhenNoProcessIsExecutable() {
    // given
    String xml = definitions("""
        <bpmn:process id="p" isExecutable="false"><bpmn:startEvent id="start" /></bpmn:process>
        """);

    // when / then
    assertThat(findings(xml)).contains(finding("defs",
        "Expected at least one process with isExecutable='true', but none was found"));
  }

  @Test
  void shouldRejectWhenProcessHasNoStartEvent() {
    // given
    String xml = process("<bpmn:manualTask id=\"work\" />");

    // when / then
    assertThat(findings(xml)).contains(finding("p",
        "Expected process 'p' to have at least one start event, but none was found"));
  }

  @Test
  void shouldRejectWhenProcessHasTwoNoneStartEvents() {
    // given
    String xml = process("""
        <bpmn:startEvent id="a" />
        <bpmn:startEvent id="b" />
        """);

    // when / then
    assertThat(findings(xml)).contains(finding("p",
        "Expected at most one none start event in process 'p', but found 2: 'a', 'b'"));
  }

  @Test
  void shouldRejectWhenEmbeddedSubprocessHasNoStartEvent() {
    // given
    String xml = process("""
        <bpmn:startEvent id="start" />
        <bpmn:subProcess id="sub"><bpmn:manualTask id="inner" /></bpmn:subProcess>
        """);

    // when / then
    assertThat(findings(xml)).contains(finding("sub",
        "Expected embedded subprocess 'sub' to have exactly one none start event, but found 0"));
  }
}
