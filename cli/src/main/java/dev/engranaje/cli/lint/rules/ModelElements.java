package dev.engranaje.cli.lint.rules;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.EndEvent;
import io.camunda.zeebe.model.bpmn.instance.ErrorEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.EventDefinition;
import io.camunda.zeebe.model.bpmn.instance.ExtensionElements;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.IntermediateThrowEvent;
import io.camunda.zeebe.model.bpmn.instance.MessageEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.camunda.zeebe.model.bpmn.instance.ThrowEvent;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeUserTaskForm;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/** Reads BPMN elements and their Zeebe extensions the way the rules need them. */
final class ModelElements {
  static final String ZEEBE_NS = "http://camunda.org/schema/zeebe/1.0";
  static final String EMBEDDED_FORM_PREFIX = "camunda-forms:bpmn:";

  private ModelElements() {}

  static String id(ModelElementInstance element) {
    return element.getAttributeValue("id");
  }

  /** The nearest id on the element or an ancestor (extension elements have none). */
  static String owningId(ModelElementInstance element) {
    for (ModelElementInstance current = element; current != null; current = current.getParentElement()) {
      if (current instanceof BaseElement && id(current) != null) {
        return id(current);
      }
    }
    return null;
  }

  /** The first extension element of the type, or {@code null}. */
  static <T extends ModelElementInstance> T extension(BaseElement element, Class<T> type) {
    ExtensionElements extensions = element.getExtensionElements();
    if (extensions == null) {
      return null;
    }
    return extensions.getElementsQuery().filterByType(type).list().stream().findFirst().orElse(null);
  }

  /** The job type of the element's {@code zeebe:taskDefinition}, or {@code null} when it has none. */
  static String jobType(BaseElement element) {
    ZeebeTaskDefinition definition = extension(element, ZeebeTaskDefinition.class);
    return definition == null ? null : definition.getType();
  }

  /** Whether the node is an intermediate throw or end event that sends a message (a job, like a send task). */
  static boolean isMessageThrow(FlowNode node) {
    return (node instanceof IntermediateThrowEvent || node instanceof EndEvent)
        && ((ThrowEvent) node).getEventDefinitions().stream().anyMatch(MessageEventDefinition.class::isInstance);
  }

  /** Every flow element of every process, nested subprocess content included. */
  static List<FlowElement> flowElements(BpmnModelInstance model) {
    List<FlowElement> result = new ArrayList<>();
    for (Process process : model.getModelElementsByType(Process.class)) {
      collect(process.getFlowElements(), result);
    }
    return result;
  }

  static <T> List<T> flowElements(BpmnModelInstance model, Class<T> type) {
    return flowElements(model).stream().filter(type::isInstance).map(type::cast).toList();
  }

  private static void collect(Collection<FlowElement> elements, List<FlowElement> result) {
    for (FlowElement element : elements) {
      result.add(element);
      if (element instanceof SubProcess subProcess) {
        collect(subProcess.getFlowElements(), result);
      }
    }
  }

  /** The id of the embedded form a {@code camunda-forms:bpmn:<id>} form key names, or {@code null}. */
  static String embeddedFormId(ZeebeFormDefinition form) {
    String key = form.getFormKey();
    return key != null && key.startsWith(EMBEDDED_FORM_PREFIX) ? key.substring(EMBEDDED_FORM_PREFIX.length()) : null;
  }

  /** The model's embedded form ({@code zeebe:userTaskForm}) with this id, if any. */
  static Optional<ZeebeUserTaskForm> embeddedForm(BpmnModelInstance model, String formId) {
    return model.getModelElementsByType(ZeebeUserTaskForm.class).stream().filter(f -> formId.equals(f.getId())).findFirst();
  }

  static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  /**
   * Whether a BPMN error raised by {@code node} can be caught: an error boundary event on it or on
   * an enclosing subprocess, or an error start event of an event subprocess in an enclosing scope.
   */
  static boolean hasErrorPath(FlowNode node) {
    for (ModelElementInstance scope = node; scope != null; scope = scope.getParentElement()) {
      if (scope instanceof FlowNode activity && hasErrorBoundary(activity)) {
        return true;
      }
      if ((scope instanceof SubProcess || scope instanceof Process) && hasErrorEventSubprocess(scope)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasErrorBoundary(FlowNode activity) {
    return activity.getModelInstance().getModelElementsByType(BoundaryEvent.class).stream()
        .filter(b -> b.getAttachedTo() == activity)
        .anyMatch(b -> hasErrorDefinition(b.getEventDefinitions()));
  }

  private static boolean hasErrorEventSubprocess(ModelElementInstance scope) {
    return scope.getChildElementsByType(SubProcess.class).stream()
        .filter(SubProcess::triggeredByEvent)
        .flatMap(s -> s.getChildElementsByType(StartEvent.class).stream())
        .anyMatch(start -> hasErrorDefinition(start.getEventDefinitions()));
  }

  private static boolean hasErrorDefinition(Collection<EventDefinition> definitions) {
    return definitions.stream().anyMatch(ErrorEventDefinition.class::isInstance);
  }
}
