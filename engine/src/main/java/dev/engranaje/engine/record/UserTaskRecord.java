package dev.engranaje.engine.record;

import java.util.List;

/**
 * A Camunda user task. Dates are ISO-8601 text or null. {@code variables} is JSON object text: the
 * payload of a completion, null otherwise. {@code state} is the task's state after this event
 * (CREATING, CREATED, ASSIGNING, COMPLETING, COMPLETED, CANCELING, CANCELED). {@code action} is
 * the action the request named (e.g. "complete", "assign"). {@code completer} is the user recorded
 * on completion: the Camunda 8.9 REST API names none, so it is the assignee at that moment (empty
 * when unassigned); four-eyes checks can compare it with earlier completers in the record log.
 */
public record UserTaskRecord(
    long userTaskKey,
    long elementInstanceKey,
    long processInstanceKey,
    String bpmnProcessId,
    int processDefinitionVersion,
    long processDefinitionKey,
    String elementId,
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
    String variables,
    String action,
    String completer,
    String tenantId)
    implements RecordValue {

  public UserTaskRecord {
    candidateGroups = candidateGroups == null ? List.of() : List.copyOf(candidateGroups);
    candidateUsers = candidateUsers == null ? List.of() : List.copyOf(candidateUsers);
    assignee = assignee == null ? "" : assignee;
    action = action == null ? "" : action;
    completer = completer == null ? "" : completer;
  }

  /** A copy in {@code newState}, with the request's action. */
  public UserTaskRecord withState(String newState, String newAction) {
    return new UserTaskRecord(userTaskKey, elementInstanceKey, processInstanceKey, bpmnProcessId,
        processDefinitionVersion, processDefinitionKey, elementId, assignee, candidateGroups, candidateUsers, dueDate,
        followUpDate, formKey, externalFormReference, priority, creationTimestamp, completionTimestamp, newState,
        variables, newAction, completer, tenantId);
  }

  public UserTaskRecord withAssignee(String newAssignee) {
    return new UserTaskRecord(userTaskKey, elementInstanceKey, processInstanceKey, bpmnProcessId,
        processDefinitionVersion, processDefinitionKey, elementId, newAssignee, candidateGroups, candidateUsers,
        dueDate, followUpDate, formKey, externalFormReference, priority, creationTimestamp, completionTimestamp,
        state, variables, action, completer, tenantId);
  }

  public UserTaskRecord withCompletion(String payload, String newCompleter, long timestamp) {
    return new UserTaskRecord(userTaskKey, elementInstanceKey, processInstanceKey, bpmnProcessId,
        processDefinitionVersion, processDefinitionKey, elementId, assignee, candidateGroups, candidateUsers, dueDate,
        followUpDate, formKey, externalFormReference, priority, creationTimestamp, timestamp, state, payload,
        action, newCompleter, tenantId);
  }
}
