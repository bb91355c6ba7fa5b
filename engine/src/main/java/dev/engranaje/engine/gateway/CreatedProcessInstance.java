package dev.engranaje.engine.gateway;

/** {@code variablesJson} is the root scope's variables when completion was awaited, else null. */
public record CreatedProcessInstance(
    long processDefinitionKey,
    String bpmnProcessId,
    int version,
    long processInstanceKey,
    String tenantId,
    String variablesJson) {}
