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
 * Fires timers whose due date has come (never early). A start timer creates a process instance
 * (see {@link TimerStartEvents}); a catch event's timer completes the event. An interrupting
 * boundary timer terminates its activity first; a non-interrupting one activates beside it and
 * re-arms while repetitions are left. A timer that fell due while the engine was down fires once,
 * on start.
 */
public final class TimerTriggerHandler {
  private final EngineState state;
  private final RecordWriter writer;
  private final StateTransitionBehavior transitions;
  private final TimerBehavior timers;
  private final TimerStartEvents startEvents;

  public TimerTriggerHandler(EngineState state, RecordWriter writer, StateTransitionBehavior transitions,
      TimerBehavior timers, TimerStartEvents startEvents) {
    this.state = state;
    this.writer = writer;
    this.transitions = transitions;
    this.timers = timers;
    this.startEvents = startEvents;
  }

  public void fireDue(long now) {
    for (long key : state.timers().dueAt(now)) {
      TimerRecord timer = state.timers().get(key);
      if (timer == null) {
        continue; // cancelled by an earlier timer in this round
      }
      writer.event(key, TimerIntent.TRIGGERED, timer);
      if (timer.elementInstanceKey() == TimerStartEvents.NO_INSTANCE) {
        startEvents.fire(timer);
        transitions.drainFollowUps();
        continue;
      }
      ElementInstance activity = state.elementInstances().get(timer.elementInstanceKey());
      if (activity == null || activity.state() != ElementState.ACTIVATED) {
        continue;
      }
      if (activity.elementId().equals(timer.targetElementId())) {
        transitions.complete(activity, Map.of(), null); // a timer catch event waited for its own timer
        transitions.drainFollowUps();
        continue;
      }
      if (activity.value().bpmnElementType() == dev.engranaje.engine.model.BpmnElementType.EVENT_BASED_GATEWAY) {
        transitions.triggerEventBasedGateway(activity, timer.targetElementId(), Map.of());
        transitions.drainFollowUps();
        continue;
      }
      ExecutableElement eventSubprocessStart = transitions.elementOf(activity).eventSubprocessStarts().stream()
          .filter(start -> start.id().equals(timer.targetElementId()))
          .findFirst()
          .orElse(null);
      if (eventSubprocessStart != null) {
        transitions.triggerEventSubprocess(activity, eventSubprocessStart, Map.of());
        if (!eventSubprocessStart.interrupting()) {
          timers.rearm(timer, eventSubprocessStart);
        }
        transitions.drainFollowUps();
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
