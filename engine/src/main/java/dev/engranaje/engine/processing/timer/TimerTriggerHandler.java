package dev.engranaje.engine.processing.timer;

import dev.engranaje.engine.model.ExecutableElement;
import dev.engranaje.engine.processing.RecordWriter;
import dev.engranaje.engine.processing.bpmn.behavior.StateTransitionBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.TimerBehavior;
import dev.engranaje.engine.record.TimerIntent;
import dev.engranaje.engine.record.TimerRecord;
import dev.engranaje.engine.state.ElementInstance;
import dev.engranaje.engine.state.ElementState;
import dev.engranaje.engine.state.EngineState;
import java.util.Map;

/**
 * Fires timers whose due date has come (never early). An interrupting boundary timer terminates
 * its activity first; a non-interrupting one activates beside it and re-arms while repetitions
 * are left. A timer that fell due while the engine was down fires once, on start.
 */
public final class TimerTriggerHandler {
  private final EngineState state;
  private final RecordWriter writer;
  private final StateTransitionBehavior transitions;
  private final TimerBehavior timers;

  public TimerTriggerHandler(EngineState state, RecordWriter writer, StateTransitionBehavior transitions,
      TimerBehavior timers) {
    this.state = state;
    this.writer = writer;
    this.transitions = transitions;
    this.timers = timers;
  }

  public void fireDue(long now) {
    for (long key : state.timers().dueAt(now)) {
      TimerRecord timer = state.timers().get(key);
      if (timer == null) {
        continue; // cancelled by an earlier timer in this round
      }
      writer.event(key, TimerIntent.TRIGGERED, timer);
      ElementInstance activity = state.elementInstances().get(timer.elementInstanceKey());
      if (activity == null || activity.state() != ElementState.ACTIVATED) {
        continue;
      }
      ExecutableElement boundary = transitions.elementOf(activity).boundaryEvents().stream()
          .filter(b -> b.id().equals(timer.targetElementId()))
          .findFirst()
          .orElseThrow();
      if (boundary.interrupting()) {
        transitions.interrupt(activity, boundary, Map.of());
      } else {
        ElementInstance scope = state.elementInstances().get(activity.flowScopeKey());
        transitions.activateBoundary(boundary, scope, Map.of());
        timers.rearm(timer, boundary);
      }
      transitions.drainFollowUps();
    }
  }
}
