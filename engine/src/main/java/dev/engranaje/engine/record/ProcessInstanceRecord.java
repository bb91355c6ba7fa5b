package dev.engranaje.engine.record;

import dev.engranaje.engine.model.BpmnElementType;
import dev.engranaje.engine.model.BpmnEventType;

/** An element instance (or the process instance itself, or a taken sequence flow). */
public record ProcessInstanceRecord(
    String bpmnProcessId,
    int version,
    long processDefinitionKey,
    long processInstanceKey,
    String elementId,
    long flowScopeKey,
    BpmnElementType bpmnElementType,
    BpmnEventType bpmnEventType,
    long parentProcessInstanceKey,
    long parentElementInstanceKey,
    String tenantId)
    implements RecordValue {

  public ProcessInstanceRecord withElement(
      String elementId, long flowScopeKey, BpmnElementType type, BpmnEventType eventType) {
    return new ProcessInstanceRecord(
        bpmnProcessId, version, processDefinitionKey, processInstanceKey, elementId, flowScopeKey, type,
        eventType, parentProcessInstanceKey, parentElementInstanceKey, tenantId);
  }
}
