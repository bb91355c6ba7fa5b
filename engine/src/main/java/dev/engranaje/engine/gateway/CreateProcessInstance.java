package dev.engranaje.engine.gateway;

import java.util.List;

/**
 * Either {@code processDefinitionKey} (when not null) or {@code bpmnProcessId} with {@code version}
 * (null or -1 means latest) selects the definition. {@code variablesJson} may be null.
 */
public record CreateProcessInstance(
    String bpmnProcessId,
    Integer version,
    Long processDefinitionKey,
    String variablesJson,
    List<String> startElementIds,
    boolean awaitCompletion,
    long requestTimeoutMillis,
    List<String> fetchVariables,
    String tenantId) {}
