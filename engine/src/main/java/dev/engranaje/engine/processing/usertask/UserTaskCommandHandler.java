package dev.engranaje.engine.processing.usertask;

import dev.engranaje.engine.gateway.Rejection;
import dev.engranaje.engine.gateway.RejectionType;
import dev.engranaje.engine.gateway.UserTaskUpdate;
import dev.engranaje.engine.processing.JsonDocuments;
import dev.engranaje.engine.processing.RecordWriter;
import dev.engranaje.engine.processing.bpmn.behavior.StateTransitionBehavior;
import dev.engranaje.engine.record.UserTaskIntent;
import dev.engranaje.engine.record.UserTaskRecord;
import dev.engranaje.engine.state.ElementInstance;
import dev.engranaje.engine.state.ElementState;
import dev.engranaje.engine.state.EngineState;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * Assign, unassign, update and complete commands on Camunda user tasks (spec §5). They are accepted only
 * while a task is CREATED; an unknown task, or one already completed or canceled, is NOT_FOUND as in
 * Zeebe (whose state forgets ended tasks). The completion records the assignee as the completer,
 * because the 8.9 REST API sends no user (see {@link UserTaskRecord}).
 */
public final class UserTaskCommandHandler {
  static final String DEFAULT_COMPLETE_ACTION = "complete";
  static final String DEFAULT_ASSIGN_ACTION = "assign";
  static final String UNASSIGN_ACTION = "unassign";
  static final String DEFAULT_UPDATE_ACTION = "update";
  static final String NOTHING_TO_UPDATE = "Expected to update user task with key '%d' with an action or at least"
      + " one of candidateGroups, candidateUsers, dueDate, followUpDate and priority, but none was given";
  static final String INVALID_DATE = "Expected the %s of user task with key '%d' to be an ISO 8601 date-time with"
      + " an offset (RFC 3339), or empty to clear it, but it was '%s'";
  static final String INVALID_PRIORITY = "Expected the priority of user task with key '%d' to be between 0 and 100,"
      + " but it was %d";
  static final String BLANK_CANDIDATE = "Expected the %s of user task with key '%d' to be non-empty names, but"
      + " they were %s";

  private final EngineState state;
  private final RecordWriter writer;
  private final StateTransitionBehavior transitions;
  private final Clock clock;

  public UserTaskCommandHandler(EngineState state, RecordWriter writer, StateTransitionBehavior transitions,
      Clock clock) {
    this.state = state;
    this.writer = writer;
    this.transitions = transitions;
    this.clock = clock;
  }

  public void complete(long userTaskKey, String variablesJson, String action) {
    UserTaskRecord task = workableTask(userTaskKey, "complete");
    ElementInstance element = state.elementInstances().get(task.elementInstanceKey());
    if (element == null || element.state() != ElementState.ACTIVATED) {
      throw new Rejection(RejectionType.INVALID_STATE, "Expected to complete user task with key '" + userTaskKey
          + "', but its element instance is not waiting");
    }
    Map<String, String> payload = JsonDocuments.entries(variablesJson);
    String named = orDefault(action, DEFAULT_COMPLETE_ACTION);
    UserTaskRecord completing = task.withState(UserTaskIntent.COMPLETING.name(), named);
    writer.event(userTaskKey, UserTaskIntent.COMPLETING, completing);
    writer.event(userTaskKey, UserTaskIntent.COMPLETED, completing.withState(UserTaskIntent.COMPLETED.name(), named)
        .withCompletion(JsonDocuments.object(payload), task.assignee(), clock.millis()));
    transitions.complete(element, payload, null);
  }

  /** Assigns the task; with {@code allowOverride} false, a task assigned to someone else is rejected. */
  public void assign(long userTaskKey, String assignee, Boolean allowOverride, String action) {
    if (assignee == null || assignee.isBlank()) {
      throw new Rejection(RejectionType.INVALID_ARGUMENT, "Expected an assignee for user task with key '"
          + userTaskKey + "', but none was given");
    }
    UserTaskRecord task = workableTask(userTaskKey, "assign");
    if (Boolean.FALSE.equals(allowOverride) && !task.assignee().isEmpty() && !task.assignee().equals(assignee)) {
      throw new Rejection(RejectionType.INVALID_STATE, "Expected to assign user task with key '" + userTaskKey
          + "' to '" + assignee + "', but it is already assigned to '" + task.assignee() + "'");
    }
    writeAssignment(task, assignee, orDefault(action, DEFAULT_ASSIGN_ACTION));
  }

  public void unassign(long userTaskKey) {
    writeAssignment(workableTask(userTaskKey, "unassign"), "", UNASSIGN_ACTION);
  }

  /**
   * Updates the candidates, dates and priority the request names (UPDATING, then UPDATED, each with
   * the changed attributes); the others stay as they are.
   */
  public void update(long userTaskKey, UserTaskUpdate update) {
    if (update.changedAttributes().isEmpty() && (update.action() == null || update.action().isBlank())) {
      throw invalid(NOTHING_TO_UPDATE.formatted(userTaskKey));
    }
    String dueDate = date(userTaskKey, "dueDate", update.dueDate());
    String followUpDate = date(userTaskKey, "followUpDate", update.followUpDate());
    candidates(userTaskKey, "candidateGroups", update.candidateGroups());
    candidates(userTaskKey, "candidateUsers", update.candidateUsers());
    if (update.priority() != null && (update.priority() < 0 || update.priority() > 100)) {
      throw invalid(INVALID_PRIORITY.formatted(userTaskKey, update.priority()));
    }
    UserTaskRecord task = workableTask(userTaskKey, "update");
    String action = orDefault(update.action(), DEFAULT_UPDATE_ACTION);
    writer.event(userTaskKey, UserTaskIntent.UPDATING,
        applied(task.withState(UserTaskIntent.UPDATING.name(), action), update, dueDate, followUpDate));
    writer.event(userTaskKey, UserTaskIntent.UPDATED,
        applied(task.withState(UserTaskIntent.CREATED.name(), action), update, dueDate, followUpDate));
  }

  private static UserTaskRecord applied(UserTaskRecord task, UserTaskUpdate update, String dueDate,
      String followUpDate) {
    return task.withChanges(
        update.candidateGroups() == null ? task.candidateGroups() : update.candidateGroups(),
        update.candidateUsers() == null ? task.candidateUsers() : update.candidateUsers(),
        update.dueDate() == null ? task.dueDate() : dueDate,
        update.followUpDate() == null ? task.followUpDate() : followUpDate,
        update.priority() == null ? task.priority() : update.priority(),
        update.changedAttributes());
  }

  /** The date normalized like the task's own dates; null for null (unchanged) and for empty (cleared). */
  private static String date(long userTaskKey, String attribute, String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    } catch (DateTimeParseException e) {
      throw invalid(INVALID_DATE.formatted(attribute, userTaskKey, text));
    }
  }

  private static void candidates(long userTaskKey, String attribute, List<String> names) {
    if (names != null && names.stream().anyMatch(name -> name == null || name.isBlank())) {
      throw invalid(BLANK_CANDIDATE.formatted(attribute, userTaskKey, names));
    }
  }

  private static Rejection invalid(String message) {
    return new Rejection(RejectionType.INVALID_ARGUMENT, message);
  }

  private void writeAssignment(UserTaskRecord task, String assignee, String action) {
    UserTaskRecord assigning = task.withAssignee(assignee).withState(UserTaskIntent.ASSIGNING.name(), action);
    writer.event(task.userTaskKey(), UserTaskIntent.ASSIGNING, assigning);
    writer.event(task.userTaskKey(), UserTaskIntent.ASSIGNED, assigning.withState(UserTaskIntent.CREATED.name(), action));
  }

  private UserTaskRecord workableTask(long userTaskKey, String action) {
    UserTaskRecord task = state.userTasks().get(userTaskKey);
    if (task == null || task.state().equals(UserTaskIntent.COMPLETED.name())
        || task.state().equals(UserTaskIntent.CANCELED.name())) {
      throw new Rejection(RejectionType.NOT_FOUND, "Expected to " + action + " user task with key '" + userTaskKey
          + "', but no such user task was found");
    }
    if (!task.state().equals(UserTaskIntent.CREATED.name())) {
      throw new Rejection(RejectionType.INVALID_STATE, "Expected to " + action + " user task with key '" + userTaskKey
          + "', but it is in state '" + task.state() + "'");
    }
    return task;
  }

  private static String orDefault(String action, String fallback) {
    return action == null || action.isBlank() ? fallback : action;
  }
}
