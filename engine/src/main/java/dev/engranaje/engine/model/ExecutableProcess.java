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

  public ExecutableElement element(String elementId) {
    return elements.get(elementId);
  }

  public ExecutableFlow flow(String flowId) {
    return flows.get(flowId);
  }
}
