package dev.engranaje.engine.processing.incident;

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

  public void resolve(long incidentKey) {
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
      }
      return;
    }
    incidents.resolve(incidentKey);
    ElementInstance instance = state.elementInstances().get(entry.record().elementInstanceKey());
    if (instance == null) {
      return;
    }
    if (instance.state() == ElementState.ACTIVATING) {
      transitions.runActivation(instance.key());
    } else if (instance.state() == ElementState.COMPLETING) {
      transitions.retryCompletion(instance);
    }
  }
}
