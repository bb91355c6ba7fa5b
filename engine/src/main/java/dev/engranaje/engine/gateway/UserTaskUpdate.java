package dev.engranaje.engine.gateway;

import java.util.ArrayList;
import java.util.List;

/**
 * The changes an update request makes to a Camunda user task (spec §5). A null field is left as it
 * is; an empty date clears that date and an empty list clears those candidates. {@code action} is
 * the action the request named, or null.
 */
public record UserTaskUpdate(
    List<String> candidateGroups,
    List<String> candidateUsers,
    String dueDate,
    String followUpDate,
    Integer priority,
    String action) {

  /** The names of the attributes this update sets, in a fixed order. */
  public List<String> changedAttributes() {
    List<String> changed = new ArrayList<>();
    if (candidateGroups != null) {
      changed.add("candidateGroups");
    }
    if (candidateUsers != null) {
      changed.add("candidateUsers");
    }
    if (dueDate != null) {
      changed.add("dueDate");
    }
    if (followUpDate != null) {
      changed.add("followUpDate");
    }
    if (priority != null) {
      changed.add("priority");
    }
    return changed;
  }
}
