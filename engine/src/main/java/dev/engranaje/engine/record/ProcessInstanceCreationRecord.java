package dev.engranaje.engine.record;

/** A create-instance request as accepted; {@code variables} is JSON object text. */
public record ProcessInstanceCreationRecord(
    String bpmnProcessId, int version, long processDefinitionKey, long processInstanceKey, String variables, String tenantId)
    implements RecordValue {}
