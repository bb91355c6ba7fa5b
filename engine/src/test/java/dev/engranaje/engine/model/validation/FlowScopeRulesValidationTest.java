package dev.engranaje.engine.model.validation;

import static dev.engranaje.engine.model.validation.TestModels.finding;
import static dev.engranaje.engine.model.validation.TestModels.findings;
import static dev.engranaje.engine.model.validation.TestModels.process;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FlowScopeRulesValidationTest {

  @Test
  void shouldRejectFlowFromSubprocessIntoItsOwnChild() {
    // given a flow declared in the process that leaves the subprocess and enters its inner task
    String xml = process("""
        <bpmn:startEvent id="start" />
        <bpmn:subProcess id="sub">
          <bpmn:startEvent id="innerStart" />
          <bpmn:manualTask id="inner" />
          <bpmn:sequenceFlow id="i0" sourceRef="innerStart" targetRef="inner" />
        </bpmn:subProcess>
        <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="sub" />
        <bpmn:sequenceFlow id="back" sourceRef="sub" targetRef="inner" />
        """);

    // when / then
    assertThat(findings(xml)).containsExactly(finding("back", "Expected the target 'inner' of sequence"
        + " flow 'back' to be in the same scope as the flow ('p'), but it is in 'sub'"));
  }

  @Test
  void shouldRejectFlowDeclaredInSubprocessThatLeavesIt() {
    // given
    String xml = process("""
        <bpmn:startEvent id="start" />
        <bpmn:endEvent id="end" />
        <bpmn:subProcess id="sub">
          <bpmn:startEvent id="innerStart" />
          <bpmn:sequenceFlow id="out" sourceRef="innerStart" targetRef="end" />
        </bpmn:subProcess>
        <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="sub" />
        <bpmn:sequenceFlow id="f1" sourceRef="sub" targetRef="end" />
        """);

    // when / then
    assertThat(findings(xml)).contains(finding("out", "Expected the target 'end' of sequence flow 'out'"
        + " to be in the same scope as the flow ('sub'), but it is in 'p'"));
  }

  @Test
  void shouldAcceptFlowsThatStayInTheirScope() {
    // given
    String xml = process("""
        <bpmn:startEvent id="start" />
        <bpmn:subProcess id="sub">
          <bpmn:startEvent id="innerStart" />
          <bpmn:endEvent id="innerEnd" />
          <bpmn:sequenceFlow id="i0" sourceRef="innerStart" targetRef="innerEnd" />
        </bpmn:subProcess>
        <bpmn:endEvent id="end" />
        <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="sub" />
        <bpmn:sequenceFlow id="f1" sourceRef="sub" targetRef="end" />
        """);

    // when / then
    assertThat(findings(xml)).isEmpty();
  }
}
