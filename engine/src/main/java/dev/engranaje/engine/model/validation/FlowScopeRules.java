package dev.engranaje.engine.model.validation;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * A sequence flow connects two elements of the scope it is declared in (BPMN 2.0 §10.5.1: it
 * cannot cross a subprocess boundary). Without this check a flow from a subprocess into one of its
 * own children deploys and re-enters the subprocess without end.
 */
final class FlowScopeRules implements ModelRule {

  static final String OTHER_SCOPE =
      "Expected the %s '%s' of sequence flow '%s' to be in the same scope as the flow ('%s'), but it is in '%s'";

  @Override
  public void check(BpmnModelInstance model, Findings findings) {
    for (SequenceFlow flow : Elements.flowElements(model, SequenceFlow.class)) {
      ModelElementInstance scope = flow.getParentElement();
      checkEnd(flow, "source", flow.getSource(), scope, findings);
      checkEnd(flow, "target", flow.getTarget(), scope, findings);
    }
  }

  private static void checkEnd(
      SequenceFlow flow, String end, FlowNode node, ModelElementInstance scope, Findings findings) {
    if (node == null || node.getParentElement() == scope) {
      return;
    }
    findings.add(
        Elements.id(flow),
        OTHER_SCOPE,
        end,
        Elements.id(node),
        Elements.id(flow),
        Elements.id(scope),
        Elements.id(node.getParentElement()));
  }
}
