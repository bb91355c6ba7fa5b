package dev.engranaje.engine.model.validation;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.CatchEvent;
import io.camunda.zeebe.model.bpmn.instance.EventDefinition;
import io.camunda.zeebe.model.bpmn.instance.ExtensionElements;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.camunda.zeebe.model.bpmn.instance.ThrowEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/** Small helpers to read BPMN elements without resolving references eagerly. */
final class Elements {

  static final String ID = "id";

  private Elements() {}

  static String id(ModelElementInstance element) {
    return element.getAttributeValue(ID);
  }

  static String typeName(ModelElementInstance element) {
    return element.getElementType().getTypeName();
  }

  /** The id of the element, or of its nearest BPMN ancestor when it has none (extension elements). */
  static String owningId(ModelElementInstance element) {
    ModelElementInstance current = element;
    while (current != null) {
      if (current instanceof BaseElement && id(current) != null) {
        return id(current);
      }
      current = current.getParentElement();
    }
    return null;
  }

  static List<Process> executableProcesses(BpmnModelInstance model) {
    return model.getModelElementsByType(Process.class).stream()
        .filter(Process::isExecutable)
        .toList();
  }

  /** All flow elements of the executable processes, nested subprocess content included. */
  static List<FlowElement> flowElements(BpmnModelInstance model) {
    List<FlowElement> result = new ArrayList<>();
    for (Process process : executableProcesses(model)) {
      Deque<Collection<FlowElement>> pending = new ArrayDeque<>();
      pending.add(process.getFlowElements());
      while (!pending.isEmpty()) {
        for (FlowElement element : pending.poll()) {
          result.add(element);
          if (element instanceof SubProcess subProcess) {
            pending.add(subProcess.getFlowElements());
          }
        }
      }
    }
    return result;
  }

  static <T> List<T> flowElements(BpmnModelInstance model, Class<T> type) {
    return flowElements(model).stream().filter(type::isInstance).map(type::cast).toList();
  }

  static List<EventDefinition> eventDefinitions(ModelElementInstance element) {
    if (element instanceof CatchEvent event) {
      return List.copyOf(event.getEventDefinitions());
    }
    if (element instanceof ThrowEvent event) {
      return List.copyOf(event.getEventDefinitions());
    }
    return List.of();
  }

  /**
   * The first extension element of a type, or {@code null}. Unlike {@code
   * getSingleExtensionElement} it does not throw on duplicates (Zeebe's validators report those).
   */
  static <T extends ModelElementInstance> T firstExtension(BaseElement element, Class<T> type) {
    ExtensionElements extensions = element.getExtensionElements();
    if (extensions == null) {
      return null;
    }
    return extensions.getChildElementsByType(type).stream().findFirst().orElse(null);
  }

  static String trimmedText(ModelElementInstance element) {
    String text = element == null ? null : element.getTextContent();
    return text == null ? null : text.trim();
  }

  static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  static String quotedIds(Collection<? extends ModelElementInstance> elements) {
    return String.join(", ", elements.stream().map(e -> "'" + id(e) + "'").toList());
  }
}
