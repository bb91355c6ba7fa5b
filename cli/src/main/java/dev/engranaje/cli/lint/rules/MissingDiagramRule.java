package dev.engranaje.cli.lint.rules;

import dev.engranaje.cli.lint.LintReport;
import dev.engranaje.cli.lint.LintedModel;
import dev.engranaje.cli.lint.Severity;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnDiagram;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnEdge;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnShape;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Missing diagram interchange: Camunda Modeler cannot show a model without a diagram, and an element
 * or flow without a shape or edge is invisible there (and in the operator dashboard).
 */
public final class MissingDiagramRule extends BaseRule {
  static final String NO_DIAGRAM = "Expected a diagram (bpmndi:BPMNDiagram) so Modeler can open the model, but it has"
      + " none; lay it out in Modeler, or let Modeler's auto-layout draw it, and save";
  static final String NO_SHAPE = "Expected %s '%s' to have %s in the diagram, but it has none, so Modeler does not"
      + " show it";

  public MissingDiagramRule() {
    super("rpa/missing-diagram", Severity.ERROR,
        "The model has a diagram with a shape for every element and an edge for every sequence flow.");
  }

  @Override
  public void check(LintedModel model, LintReport report) {
    if (model.model().getModelElementsByType(BpmnDiagram.class).isEmpty()) {
      report.add(null, NO_DIAGRAM);
      return;
    }
    Set<String> drawn = new HashSet<>();
    model.model().getModelElementsByType(BpmnShape.class).forEach(s -> addId(drawn, s.getAttributeValue("bpmnElement")));
    model.model().getModelElementsByType(BpmnEdge.class).forEach(e -> addId(drawn, e.getAttributeValue("bpmnElement")));
    List<FlowElement> elements = ModelElements.flowElements(model.model());
    for (FlowElement element : elements) {
      boolean flow = element instanceof SequenceFlow;
      if ((flow || element instanceof FlowNode) && !drawn.contains(element.getId())) {
        report.add(element.getId(), NO_SHAPE, element.getElementType().getTypeName(), element.getId(),
            flow ? "an edge (bpmndi:BPMNEdge)" : "a shape (bpmndi:BPMNShape)");
      }
    }
  }

  private static void addId(Set<String> drawn, String elementId) {
    if (elementId != null) {
      drawn.add(elementId);
    }
  }
}
