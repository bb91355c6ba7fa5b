package dev.engranaje.engine.record;

import java.util.List;

/**
 * A process instance modification as applied: what was activated and terminated. The element
 * records themselves follow in the log; this one tells who looks at the log (audit, history) that
 * they came from an operator's modification.
 *
 * @param activatedElementIds the elements an instruction activated, in instruction order
 * @param terminatedElementInstanceKeys the element instances an instruction named for termination
 *     (the engine may terminate an enclosing scope instead, when it would be left empty)
 */
public record ProcessInstanceModificationRecord(
    long processInstanceKey,
    long processDefinitionKey,
    String bpmnProcessId,
    List<String> activatedElementIds,
    List<Long> terminatedElementInstanceKeys,
    String tenantId)
    implements RecordValue {}
