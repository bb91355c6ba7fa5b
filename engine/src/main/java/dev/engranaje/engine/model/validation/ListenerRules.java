package dev.engranaje.engine.model.validation;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListeners;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskListeners;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Execution listeners (8.6+) and user task listeners (8.7+) are not run by this engine yet. A model
 * that declares them is rejected, naming the element, rather than run without its listeners: a
 * listener usually guards something (an audit entry, an assignment rule) the analyst relies on.
 */
final class ListenerRules implements ModelRule {
  static final String UNSUPPORTED = "Expected no '%s' on '%s', but it declares some; listeners are not"
      + " supported by the embedded engine yet: remove them, or run this model on Camunda 8";

  @Override
  public void check(BpmnModelInstance model, Findings findings) {
    for (ZeebeTaskListeners listeners : model.getModelElementsByType(ZeebeTaskListeners.class)) {
      reject(listeners, "zeebe:taskListeners", findings);
    }
    for (ZeebeExecutionListeners listeners : model.getModelElementsByType(ZeebeExecutionListeners.class)) {
      reject(listeners, "zeebe:executionListeners", findings);
    }
  }

  // zeebe:*Listeners sits in bpmn:extensionElements, whose parent is the element that declares them
  private static void reject(ModelElementInstance listeners, String kind, Findings findings) {
    ModelElementInstance extensions = listeners.getParentElement();
    ModelElementInstance owner = extensions == null ? null : extensions.getParentElement();
    String id = owner instanceof BaseElement element ? element.getId() : "(unknown element)";
    findings.add(id, UNSUPPORTED, kind, id);
  }
}
