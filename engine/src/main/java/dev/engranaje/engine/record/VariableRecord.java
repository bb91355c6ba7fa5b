package dev.engranaje.engine.record;

/** A variable's new value (JSON text) in one scope. */
public record VariableRecord(
    String name,
    String value,
    long scopeKey,
    long processInstanceKey,
    long processDefinitionKey,
    String bpmnProcessId,
    String tenantId)
    implements RecordValue {}
