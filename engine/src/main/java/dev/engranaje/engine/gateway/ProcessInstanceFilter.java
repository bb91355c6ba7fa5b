package dev.engranaje.engine.gateway;

/** Every non-null field must match. {@code state} is ACTIVE, COMPLETED or TERMINATED. */
public record ProcessInstanceFilter(
    Long processInstanceKey, String bpmnProcessId, String state, Boolean hasIncident) {}
