package dev.engranaje.engine.gateway;

/** Every non-null field must match. {@code state} is ACTIVE or RESOLVED. */
public record IncidentFilter(
    Long incidentKey, Long processInstanceKey, String state, String errorType, String bpmnProcessId) {}
