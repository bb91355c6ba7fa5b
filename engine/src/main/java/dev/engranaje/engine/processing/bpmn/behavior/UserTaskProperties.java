package dev.engranaje.engine.processing.bpmn.behavior;

import java.util.List;

/**
 * The evaluated properties of one user task activation. Strings are null or empty when unset;
 * dates are ISO-8601 offset date-times.
 */
public record UserTaskProperties(
    String assignee,
    List<String> candidateGroups,
    List<String> candidateUsers,
    String dueDate,
    String followUpDate,
    String formKey,
    String externalFormReference,
    int priority) {

  /** Zeebe's priority when the model sets none. */
  public static final int DEFAULT_PRIORITY = 50;
}
