package dev.engranaje.engine.gateway;

/** An incident; {@code jobKey} is -1 when none, {@code state} is ACTIVE or RESOLVED. */
public record IncidentView(
    long key,
    String errorType,
    String errorMessage,
    String bpmnProcessId,
    long processDefinitionKey,
    long processInstanceKey,
    String elementId,
    long elementInstanceKey,
    long jobKey,
    String state,
    long creationTime,
    String tenantId) {}
