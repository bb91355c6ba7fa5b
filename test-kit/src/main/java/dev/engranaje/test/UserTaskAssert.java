package dev.engranaje.test;

import dev.engranaje.engine.record.UserTaskRecord;
import java.util.List;

/** Assertions on one active user task, from {@link ProcessInstanceAssert#hasActiveUserTask(String)}. */
public final class UserTaskAssert {
  private final UserTaskRecord task;
  private final ProcessInstanceAssert instance;

  UserTaskAssert(UserTaskRecord task, ProcessInstanceAssert instance) {
    this.task = task;
    this.instance = instance;
  }

  public UserTaskAssert isAssignedTo(String user) {
    if (!user.equals(task.assignee())) {
      instance.fail("to have the user task '" + task.elementId() + "' assigned to '" + user + "', but it is "
          + (task.assignee().isEmpty() ? "unassigned" : "assigned to '" + task.assignee() + "'"));
    }
    return this;
  }

  public UserTaskAssert isUnassigned() {
    if (!task.assignee().isEmpty()) {
      instance.fail("to have the user task '" + task.elementId() + "' unassigned, but it is assigned to '"
          + task.assignee() + "'");
    }
    return this;
  }

  public UserTaskAssert hasCandidateGroups(String... groups) {
    if (!task.candidateGroups().containsAll(List.of(groups))) {
      instance.fail("to have the user task '" + task.elementId() + "' offered to the groups " + List.of(groups)
          + ", but its candidate groups are " + task.candidateGroups());
    }
    return this;
  }

  /** The task's due date as the engine stored it (ISO-8601), e.g. to check a computed deadline. */
  public UserTaskAssert hasDueDate(String dueDate) {
    if (!dueDate.equals(task.dueDate())) {
      instance.fail("to have the user task '" + task.elementId() + "' due " + dueDate + ", but it is due " + task.dueDate());
    }
    return this;
  }

  /** The task's key, to act on it through the client. */
  public long key() {
    return task.userTaskKey();
  }

  /** Back to the instance, to chain further assertions. */
  public ProcessInstanceAssert and() {
    return instance;
  }
}
