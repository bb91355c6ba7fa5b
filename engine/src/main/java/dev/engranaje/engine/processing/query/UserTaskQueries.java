package dev.engranaje.engine.processing.query;

import dev.engranaje.engine.gateway.FormView;
import dev.engranaje.engine.gateway.Rejection;
import dev.engranaje.engine.gateway.RejectionType;
import dev.engranaje.engine.gateway.UserTaskFilter;
import dev.engranaje.engine.gateway.UserTaskView;
import dev.engranaje.engine.record.UserTaskRecord;
import dev.engranaje.engine.model.BpmnElementType;
import dev.engranaje.engine.model.ExecutableElement;
import dev.engranaje.engine.state.EngineState;
import dev.engranaje.engine.state.ProcessState;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Looks up Camunda user tasks, live and ended, oldest first. Runs on the processing thread. */
public final class UserTaskQueries {
  static final String TASK_NOT_FOUND = "User task with key %d not found";

  private final EngineState state;

  public UserTaskQueries(EngineState state) {
    this.state = state;
  }

  public Optional<UserTaskView> userTask(long key) {
    return Optional.ofNullable(state.userTasks().get(key)).map(this::view);
  }

  /**
   * The deployed form version the task links, or empty when it links none (no form, an external
   * reference, or a legacy form key that names no deployed form).
   *
   * @throws Rejection NOT_FOUND when there is no such task
   */
  public Optional<FormView> form(long userTaskKey) {
    UserTaskRecord task = state.userTasks().get(userTaskKey);
    if (task == null) {
      throw new Rejection(RejectionType.NOT_FOUND, TASK_NOT_FOUND.formatted(userTaskKey));
    }
    return formKey(task.formKey()).map(key -> state.forms().byKey(key))
        .map(f -> new FormView(f.formKey(), f.formId(), f.version(), f.resource(), f.tenantId()));
  }

  /** A linked form's key is a number; a legacy {@code formKey} (e.g. "camunda-forms:bpmn:x") is not. */
  private static Optional<Long> formKey(String text) {
    if (text == null || text.isEmpty() || !text.chars().allMatch(Character::isDigit)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(text));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  public List<UserTaskView> userTasks(UserTaskFilter filter) {
    return state.userTasks().all().stream().filter(task -> matches(task, filter)).map(this::view).toList();
  }

  private static boolean matches(UserTaskRecord task, UserTaskFilter filter) {
    return matches(filter.userTaskKey(), task.userTaskKey())
        && matches(filter.processInstanceKey(), task.processInstanceKey())
        && matches(filter.elementInstanceKey(), task.elementInstanceKey())
        && matches(filter.state(), task.state())
        && matches(filter.assignee(), task.assignee())
        && matches(filter.elementId(), task.elementId())
        && matches(filter.bpmnProcessId(), task.bpmnProcessId());
  }

  private static boolean matches(Object expected, Object actual) {
    return expected == null || Objects.equals(expected, actual);
  }

  private UserTaskView view(UserTaskRecord t) {
    return new UserTaskView(t.userTaskKey(), t.elementInstanceKey(), t.processInstanceKey(), t.bpmnProcessId(),
        t.processDefinitionVersion(), t.processDefinitionKey(), t.elementId(), name(t), t.assignee(), t.candidateGroups(),
        t.candidateUsers(), t.dueDate(), t.followUpDate(), t.formKey(), t.externalFormReference(), t.priority(),
        t.creationTimestamp(), t.completionTimestamp(), t.state(), t.tenantId());
  }

  private String name(UserTaskRecord task) {
    ProcessState.DeployedDefinition definition = state.processes().byKey(task.processDefinitionKey());
    // a multi-instance task's id names its body; the name is on the inner task
    ExecutableElement element = definition == null ? null
        : definition.process().element(task.elementId(), BpmnElementType.USER_TASK);
    String name = element == null || element.userTask() == null ? null : element.userTask().name();
    return name == null ? task.elementId() : name;
  }
}
