package dev.engranaje.engine.processing.bpmn.task;

import dev.engranaje.engine.model.ExecutableElement;
import dev.engranaje.engine.processing.Outcome;
import dev.engranaje.engine.processing.bpmn.ElementProcessor;
import dev.engranaje.engine.processing.bpmn.behavior.ActivityBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.IncidentBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.JobBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.MappingBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.StateTransitionBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.SubscriptionBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.VariableBehavior;
import dev.engranaje.engine.record.JobRecord;
import dev.engranaje.engine.record.ProcessMessageSubscriptionRecord;
import dev.engranaje.engine.state.ElementInstance;
import java.util.List;
import java.util.Map;

/**
 * Service and send tasks: activation creates a job (spec §4), the job's completion completes the
 * task. The completion payload propagates from the task's own scope when there are no output
 * mappings; otherwise it is merged locally and only the mapped targets leave.
 */
public final class JobWorkerTaskProcessor implements ElementProcessor {
  private final StateTransitionBehavior transitions;
  private final ActivityBehavior activities;
  private final JobBehavior jobs;
  private final IncidentBehavior incidents;
  private final VariableBehavior variables;
  private final MappingBehavior mappings;
  private final SubscriptionBehavior subscriptions;

  public JobWorkerTaskProcessor(StateTransitionBehavior transitions, ActivityBehavior activities, JobBehavior jobs,
      IncidentBehavior incidents, VariableBehavior variables, MappingBehavior mappings,
      SubscriptionBehavior subscriptions) {
    this.subscriptions = subscriptions;
    this.transitions = transitions;
    this.activities = activities;
    this.jobs = jobs;
    this.incidents = incidents;
    this.variables = variables;
    this.mappings = mappings;
  }

  @Override
  public void onActivate(ElementInstance instance, ExecutableElement element) {
    if (!activities.applyInputs(instance, element)) {
      return;
    }
    Outcome<JobRecord> job = jobs.prepareJob(instance, element);
    if (job.isFailure()) {
      incidents.raise(instance, job.failure(), -1);
      return;
    }
    List<ProcessMessageSubscriptionRecord> messageBoundaries = subscriptions.prepareOrRaise(instance, element);
    if (messageBoundaries == null || !activities.armBoundaryTimers(instance, element)) {
      return;
    }
    jobs.createJob(job.value());
    subscriptions.open(messageBoundaries);
    transitions.toActivated(instance);
    subscriptions.correlateBuffered(instance);
  }

  @Override
  public Outcome<Void> onComplete(ElementInstance instance, ExecutableElement element, Map<String, String> payload) {
    if (element.outputs().isEmpty()) {
      variables.propagate(instance.key(), payload);
      return Outcome.ok(null);
    }
    variables.mergeLocal(instance.key(), payload);
    return mappings.applyOutputs(instance, element);
  }

  @Override
  public void onTerminate(ElementInstance instance, ExecutableElement element) {
    jobs.cancelJob(instance);
    activities.leave(instance);
  }
}
