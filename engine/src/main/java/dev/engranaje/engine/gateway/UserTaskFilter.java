package dev.engranaje.engine.gateway;

/** Every non-null field must match. {@code state} is a user task state such as CREATED or COMPLETED. */
public record UserTaskFilter(
    Long userTaskKey, Long processInstanceKey, Long elementInstanceKey, String state, String assignee,
    String elementId, String bpmnProcessId) {}
