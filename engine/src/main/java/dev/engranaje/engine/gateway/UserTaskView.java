package dev.engranaje.engine.gateway;

import java.util.List;

/**
 * A Camunda user task as searches show it. Dates are ISO-8601 text or null; timestamps are epoch
 * milliseconds, -1 when not (yet) set. {@code assignee} is empty when unassigned. {@code name} is
 * the task element's name, or its id when the model gives it none (what a task list shows).
 */
public record UserTaskView(
    long key,
    long elementInstanceKey,
    long processInstanceKey,
    String bpmnProcessId,
    int processDefinitionVersion,
    long processDefinitionKey,
    String elementId,
    String name,
    String assignee,
    List<String> candidateGroups,
    List<String> candidateUsers,
    String dueDate,
    String followUpDate,
    String formKey,
    String externalFormReference,
    int priority,
    long creationTimestamp,
    long completionTimestamp,
    String state,
    String tenantId) {}
