package dev.engranaje.engine.model;

import java.util.Map;

/**
 * A deployed process definition: identity plus the executable graph. Immutable.
 *
 * @param root the PROCESS element; its children are the top-level flow nodes
 * @param elements every flow node and the process itself, by id
 * @param flows every sequence flow, by id
 */
public record ExecutableProcess(
    String bpmnProcessId,
    int version,
    long processDefinitionKey,
    String resourceName,
    String tenantId,
    ExecutableElement root,
    Map<String, ExecutableElement> elements,
    Map<String, ExecutableFlow> flows) {

  public ExecutableProcess {
    elements = Map.copyOf(elements);
    flows = Map.copyOf(flows);
  }

  /**
   * The same graph under another version and key: a deployment transforms a model before it knows
   * them (off the processor thread) and the processor assigns them.
   */
  public ExecutableProcess withIdentity(int version, long processDefinitionKey) {
    return new ExecutableProcess(bpmnProcessId, version, processDefinitionKey, resourceName, tenantId, root, elements,
        flows);
  }

  public ExecutableElement element(String elementId) {
    return elements.get(elementId);
  }

  /**
   * The element an instance of the given record type runs: for a multi-instance activity the id
   * names the body, and any other record type names its inner activity.
   */
  public ExecutableElement element(String elementId, BpmnElementType recordType) {
    ExecutableElement element = elements.get(elementId);
    if (element != null && element.type() == BpmnElementType.MULTI_INSTANCE_BODY
        && recordType != BpmnElementType.MULTI_INSTANCE_BODY) {
      return element.innerActivity();
    }
    return element;
  }

  public ExecutableFlow flow(String flowId) {
    return flows.get(flowId);
  }
}
