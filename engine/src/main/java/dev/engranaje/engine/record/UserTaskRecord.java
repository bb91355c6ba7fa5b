package dev.engranaje.engine.record;

import java.util.List;

/**
 * A Camunda user task. Dates are ISO-8601 text or null. {@code variables} is JSON object text: the
 * payload of a completion, null otherwise. {@code state} is the task's state after this event
 * (CREATING, CREATED, ASSIGNING, UPDATING, COMPLETING, COMPLETED, CANCELING, CANCELED). {@code action}
 * is the action the request named (e.g. "complete", "assign", "update"). {@code changedAttributes}
 * names the attributes an update set (UPDATING, UPDATED), empty otherwise. {@code completer} is the user recorded
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
    String tenantId,
    List<String> changedAttributes)
    implements RecordValue {

  public UserTaskRecord {
    candidateGroups = candidateGroups == null ? List.of() : List.copyOf(candidateGroups);
    candidateUsers = candidateUsers == null ? List.of() : List.copyOf(candidateUsers);
    assignee = assignee == null ? "" : assignee;
    action = action == null ? "" : action;
    completer = completer == null ? "" : completer;
    changedAttributes = changedAttributes == null ? List.of() : List.copyOf(changedAttributes);
  }

  /** A copy in {@code newState}, with the request's action and no changed attributes. */
  public UserTaskRecord withState(String newState, String newAction) {
    return new UserTaskRecord(userTaskKey, elementInstanceKey, processInstanceKey, bpmnProcessId,
        processDefinitionVersion, processDefinitionKey, elementId, assignee, candidateGroups, candidateUsers, dueDate,
        followUpDate, formKey, externalFormReference, priority, creationTimestamp, completionTimestamp, newState,
        variables, newAction, completer, tenantId, List.of());
  }

  public UserTaskRecord withAssignee(String newAssignee) {
    return new UserTaskRecord(userTaskKey, elementInstanceKey, processInstanceKey, bpmnProcessId,
        processDefinitionVersion, processDefinitionKey, elementId, newAssignee, candidateGroups, candidateUsers,
        dueDate, followUpDate, formKey, externalFormReference, priority, creationTimestamp, completionTimestamp,
        state, variables, action, completer, tenantId, changedAttributes);
  }

  public UserTaskRecord withCompletion(String payload, String newCompleter, long timestamp) {
    return new UserTaskRecord(userTaskKey, elementInstanceKey, processInstanceKey, bpmnProcessId,
        processDefinitionVersion, processDefinitionKey, elementId, assignee, candidateGroups, candidateUsers, dueDate,
        followUpDate, formKey, externalFormReference, priority, creationTimestamp, timestamp, state, payload,
        action, newCompleter, tenantId, changedAttributes);
  }

  /** A copy with updated schedule, candidates and priority, naming the attributes the update set. */
  public UserTaskRecord withChanges(List<String> newCandidateGroups, List<String> newCandidateUsers,
      String newDueDate, String newFollowUpDate, int newPriority, List<String> changed) {
    return new UserTaskRecord(userTaskKey, elementInstanceKey, processInstanceKey, bpmnProcessId,
        processDefinitionVersion, processDefinitionKey, elementId, assignee, newCandidateGroups, newCandidateUsers,
        newDueDate, newFollowUpDate, formKey, externalFormReference, newPriority, creationTimestamp,
        completionTimestamp, state, variables, action, completer, tenantId, changed);
  }
}
