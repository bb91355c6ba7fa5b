package dev.engranaje.engine.processing.bpmn.task;

import dev.engranaje.engine.model.ExecutableElement;
import dev.engranaje.engine.processing.JsonDocuments;
import dev.engranaje.engine.processing.Outcome;
import dev.engranaje.engine.processing.bpmn.ElementProcessor;
import dev.engranaje.engine.processing.bpmn.behavior.ActivityBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.IncidentBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.JobBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.MappingBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.StateTransitionBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.SubscriptionBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.UserTaskBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.UserTaskProperties;
import dev.engranaje.engine.processing.bpmn.behavior.VariableBehavior;
import dev.engranaje.engine.record.JobRecord;
import dev.engranaje.engine.record.ProcessMessageSubscriptionRecord;
import dev.engranaje.engine.record.UserTaskRecord;
import dev.engranaje.engine.state.ElementInstance;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * User tasks (spec §5). A Camunda user task ({@code <zeebe:userTask/>}) writes a UserTask record
 * (CREATING, then CREATED after ELEMENT_ACTIVATED) and waits for a complete command. Without it, the
 * task is a job-worker user task: a job of type {@code io.camunda.zeebe:userTask} whose reserved
 * {@code io.camunda.zeebe:*} headers carry the evaluated properties. Either way the completion
 * payload propagates from the task's own scope without output mappings, otherwise it is merged
 * locally and only the mapped targets leave.
 */
public final class UserTaskProcessor implements ElementProcessor {
  static final String HEADER_PREFIX = "io.camunda.zeebe:";

  /** The shared behaviours a user task needs. */
  public record Dependencies(StateTransitionBehavior transitions, ActivityBehavior activities, JobBehavior jobs,
      UserTaskBehavior userTasks, IncidentBehavior incidents, VariableBehavior variables, MappingBehavior mappings,
      SubscriptionBehavior subscriptions) {}

  private final Dependencies d;

  public UserTaskProcessor(Dependencies dependencies) {
    this.d = dependencies;
  }

  @Override
  public void onActivate(ElementInstance instance, ExecutableElement element) {
    if (!d.activities().applyInputs(instance, element)) {
      return;
    }
    Outcome<UserTaskProperties> properties = d.userTasks().evaluate(instance, element);
    if (properties.isFailure()) {
      d.incidents().raise(instance, properties.failure(), -1);
      return;
    }
    JobRecord job = null;
    if (!element.userTask().camundaUserTask()) {
      Outcome<JobRecord> prepared = d.jobs().prepareJob(instance, element);
      if (prepared.isFailure()) {
        d.incidents().raise(instance, prepared.failure(), -1);
        return;
      }
      job = prepared.value().withCustomHeaders(headers(element, properties.value()));
    }
    List<ProcessMessageSubscriptionRecord> messageBoundaries = d.subscriptions().prepareOrRaise(instance, element);
    if (messageBoundaries == null || !d.activities().armBoundaryTimers(instance, element)) {
      return;
    }
    if (job != null) {
      d.jobs().createJob(job);
      d.subscriptions().open(messageBoundaries);
      d.transitions().toActivated(instance);
    } else {
      UserTaskRecord task = d.userTasks().creating(instance, properties.value());
      d.subscriptions().open(messageBoundaries);
      d.transitions().toActivated(instance);
      d.userTasks().created(task);
    }
    d.subscriptions().correlateBuffered(instance);
  }

  /** The model's headers plus the reserved ones for each property that is set. */
  private static Map<String, String> headers(ExecutableElement element, UserTaskProperties p) {
    Map<String, String> headers = new LinkedHashMap<>(element.taskHeaders());
    putIfSet(headers, "assignee", p.assignee());
    if (!p.candidateGroups().isEmpty()) {
      headers.put(HEADER_PREFIX + "candidateGroups", JsonDocuments.write(p.candidateGroups()));
    }
    if (!p.candidateUsers().isEmpty()) {
      headers.put(HEADER_PREFIX + "candidateUsers", JsonDocuments.write(p.candidateUsers()));
    }
    putIfSet(headers, "dueDate", p.dueDate());
    putIfSet(headers, "followUpDate", p.followUpDate());
    putIfSet(headers, "formKey", p.formKey());
    return headers;
  }

  private static void putIfSet(Map<String, String> headers, String name, String value) {
    if (value != null && !value.isEmpty()) {
      headers.put(HEADER_PREFIX + name, value);
    }
  }

  @Override
  public Outcome<Void> onComplete(ElementInstance instance, ExecutableElement element, Map<String, String> payload) {
    if (element.outputs().isEmpty()) {
      d.variables().propagate(instance.key(), payload);
      return Outcome.ok(null);
    }
    d.variables().mergeLocal(instance.key(), payload);
    return d.mappings().applyOutputs(instance, element);
  }

  @Override
  public void onTerminate(ElementInstance instance, ExecutableElement element) {
    d.userTasks().cancel(instance);
    d.jobs().cancelJob(instance);
    d.activities().leave(instance);
  }
}
