package dev.engranaje.engine.processing.bpmn.behavior;

import dev.engranaje.engine.model.ExecutableElement;
import dev.engranaje.engine.processing.Outcome;
import dev.engranaje.engine.record.SignalSubscriptionRecord;
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
  private SignalBehavior signals;

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

  /** Set once wiring is done: signal subscriptions are opened together with the boundary timers. */
  public void bindSignals(SignalBehavior signals) {
    this.signals = signals;
  }

  /**
   * Arms the boundary timers and opens the signal subscriptions (of signal boundary events and of a
   * signal catch event itself); returns false after raising an incident (nothing is opened then).
   */
  public boolean armBoundaryTimers(ElementInstance instance, ExecutableElement element) {
    Outcome<List<TimerRecord>> boundaryTimers = timers.prepareBoundaryTimers(instance, element);
    if (boundaryTimers.isFailure()) {
      incidents.raise(instance, boundaryTimers.failure(), -1);
      return false;
    }
    List<SignalSubscriptionRecord> signalSubscriptions = signals == null ? List.of()
        : signals.prepareOrRaise(instance, element);
    if (signalSubscriptions == null) {
      return false;
    }
    timers.arm(boundaryTimers.value());
    if (signals != null) {
      signals.open(signalSubscriptions);
    }
    return true;
  }

  /** Cancels the activity's boundary timers. */
  public void leave(ElementInstance instance) {
    timers.cancelAll(instance);
  }
}
