package dev.engranaje.engine.record;

/** An incident; {@code jobKey} is -1 when the incident is not about a job. */
public record IncidentRecord(
    String errorType,
    String errorMessage,
    String bpmnProcessId,
    long processDefinitionKey,
    long processInstanceKey,
    String elementId,
    long elementInstanceKey,
    long jobKey,
    long variableScopeKey,
    String tenantId)
    implements RecordValue {}
