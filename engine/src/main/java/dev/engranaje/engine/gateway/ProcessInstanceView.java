package dev.engranaje.engine.gateway;

/**
 * A process instance summary. {@code state} is ACTIVE, COMPLETED or TERMINATED; {@code endTime} is
 * -1 while active; parent keys are -1 for a root instance.
 */
public record ProcessInstanceView(
    long key,
    String bpmnProcessId,
    int version,
    long processDefinitionKey,
    String state,
    long startTime,
    long endTime,
    boolean hasIncident,
    long parentProcessInstanceKey,
    long parentElementInstanceKey,
    String tenantId) {}
