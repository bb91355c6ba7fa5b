package dev.engranaje.engine.processing.bpmn.behavior;

import dev.engranaje.engine.model.ExecutableElement;
import dev.engranaje.engine.processing.Outcome;
import dev.engranaje.engine.record.TimerRecord;
import dev.engranaje.engine.state.ElementInstance;
import java.util.List;

/**
 * What every activity does on entering and leaving: input mappings and boundary timers on the way
 * in; cancelling timers on the way out.
 */
public final class ActivityBehavior {
  private final MappingBehavior mappings;
  private final TimerBehavior timers;
  private final IncidentBehavior incidents;

  public ActivityBehavior(MappingBehavior mappings, TimerBehavior timers, IncidentBehavior incidents) {
    this.mappings = mappings;
    this.timers = timers;
    this.incidents = incidents;
  }

  /**
   * Applies input mappings and arms boundary timers. Returns false after raising an incident, in
   * which case the element stays ACTIVATING.
   */
  public boolean enter(ElementInstance instance, ExecutableElement element) {
    return applyInputs(instance, element) && armBoundaryTimers(instance, element);
  }

  /** Applies input mappings; returns false after raising an IO_MAPPING_ERROR incident. */
  public boolean applyInputs(ElementInstance instance, ExecutableElement element) {
    Outcome<Void> inputs = mappings.applyInputs(instance, element);
    if (inputs.isFailure()) {
      incidents.raise(instance, inputs.failure(), -1);
      return false;
    }
    return true;
  }

  /** Arms the boundary timers; returns false after raising an incident (none are armed then). */
  public boolean armBoundaryTimers(ElementInstance instance, ExecutableElement element) {
    Outcome<List<TimerRecord>> boundaryTimers = timers.prepareBoundaryTimers(instance, element);
    if (boundaryTimers.isFailure()) {
      incidents.raise(instance, boundaryTimers.failure(), -1);
      return false;
    }
    timers.arm(boundaryTimers.value());
    return true;
  }

  /** Cancels the activity's boundary timers. */
  public void leave(ElementInstance instance) {
    timers.cancelAll(instance);
  }
}
