package dev.engranaje.engine.processing.incident;

import dev.engranaje.engine.gateway.IncidentResolution;
import dev.engranaje.engine.gateway.Rejection;
import dev.engranaje.engine.gateway.RejectionType;
import dev.engranaje.engine.processing.ProcessorHooks;
import dev.engranaje.engine.processing.bpmn.behavior.IncidentBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.StateTransitionBehavior;
import dev.engranaje.engine.state.ElementInstance;
import dev.engranaje.engine.state.ElementState;
import dev.engranaje.engine.state.EngineState;
import dev.engranaje.engine.state.IncidentState.IncidentEntry;
import dev.engranaje.engine.state.Job;
import dev.engranaje.engine.state.JobStatus;
import java.util.List;

/**
 * Resolves incidents (spec §10). A job incident needs retries first and then makes the job
 * activatable again; any other incident replays the failed activation or completion with the
 * current variables, which raises a new incident if it fails again.
 */
public final class IncidentHandler {
  private final EngineState state;
  private final IncidentBehavior incidents;
  private final StateTransitionBehavior transitions;
  private final ProcessorHooks hooks;

  public IncidentHandler(EngineState state, IncidentBehavior incidents, StateTransitionBehavior transitions,
      ProcessorHooks hooks) {
    this.state = state;
    this.incidents = incidents;
    this.transitions = transitions;
    this.hooks = hooks;
  }

  /**
   * Resolves the incident and runs what follows at once, so the outcome can be told: the job is
   * activatable again, the element went on, or it failed again and raised a new incident.
   */
  public IncidentResolution resolve(long incidentKey) {
    IncidentEntry entry = state.incidents().get(incidentKey);
    if (entry == null || entry.resolved()) {
      throw new Rejection(RejectionType.NOT_FOUND, "Expected to resolve incident with key '" + incidentKey
          + "', but no such incident was found");
    }
    long jobKey = entry.record().jobKey();
    if (jobKey > 0) {
      Job job = state.jobs().get(jobKey);
      if (job != null && job.status() == JobStatus.FAILED && job.record().retries() <= 0) {
        throw new Rejection(RejectionType.INVALID_STATE, "Expected to resolve incident with key '" + incidentKey
            + "', but job with key '" + jobKey + "' has no retries left. Please update the job retries and try to"
            + " resolve the incident again.");
      }
      incidents.resolve(incidentKey);
      if (job != null) {
        hooks.jobsAvailable(job.record().type());
        Job now = state.jobs().get(jobKey);
        return new IncidentResolution(false, "job '" + jobKey + "' of type '" + job.record().type()
            + "' can be activated again with " + (now == null ? job : now).record().retries() + " retries left");
      }
      return new IncidentResolution(false, "incident resolved; its job '" + jobKey + "' no longer exists");
    }
    incidents.resolve(incidentKey);
    long elementInstanceKey = entry.record().elementInstanceKey();
    ElementInstance instance = state.elementInstances().get(elementInstanceKey);
    if (instance == null) {
      return new IncidentResolution(false, "incident resolved; its element instance no longer exists");
    }
    if (instance.state() == ElementState.ACTIVATING) {
      transitions.runActivation(instance.key());
    } else if (instance.state() == ElementState.COMPLETING) {
      transitions.retryCompletion(instance);
    }
    transitions.drainFollowUps();
    List<Long> raised = state.incidents().activeForElementInstance(elementInstanceKey);
    if (!raised.isEmpty()) {
      long again = raised.get(raised.size() - 1);
      return new IncidentResolution(true, "incident raised again as '" + again + "': "
          + state.incidents().get(again).record().errorMessage());
    }
    return new IncidentResolution(false, "element '" + entry.record().elementId() + "' went on");
  }
}
