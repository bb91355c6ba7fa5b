package dev.engranaje.engine.processing.timer;

import dev.engranaje.engine.model.ExecutableElement;
import dev.engranaje.engine.processing.ErrorType;
import dev.engranaje.engine.processing.Failure;
import dev.engranaje.engine.processing.Quarantine;
import dev.engranaje.engine.processing.RecordWriter;
import dev.engranaje.engine.processing.bpmn.behavior.IncidentBehavior;
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
 *
 * <p>A timer whose firing stopped the engine {@value Quarantine#THRESHOLD} runs in a row is
 * quarantined: it is canceled instead of fired (so a repeating start timer stops repeating), an
 * element it belongs to gets an incident saying so, and the engine goes on with everything else.
 */
public final class TimerTriggerHandler {
  private final EngineState state;
  private final RecordWriter writer;
  private final StateTransitionBehavior transitions;
  private final TimerBehavior timers;
  private final TimerStartEvents startEvents;
  private final IncidentBehavior incidents;
  private final Quarantine quarantine;
  static final String QUARANTINED = "Expected to fire %s, but it stopped the engine %d runs in a row (%s);"
      + " it is quarantined: the timer is canceled and was not fired. Fix the model (or its data) and deploy it again";

  public TimerTriggerHandler(EngineState state, RecordWriter writer, StateTransitionBehavior transitions,
      TimerBehavior timers, TimerStartEvents startEvents, IncidentBehavior incidents, Quarantine quarantine) {
    this.incidents = incidents;
    this.quarantine = quarantine;
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
      String description = describe(key, timer);
      if (quarantine.isQuarantined("timer:" + key)) {
        quarantine(key, timer, description);
        continue;
      }
      quarantine.begin("timer:" + key, description);
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

  private void quarantine(long key, TimerRecord timer, String description) {
    String message = String.format(QUARANTINED, description, Quarantine.THRESHOLD, quarantine.reason());
    writer.event(key, TimerIntent.CANCELED, timer);
    ElementInstance activity = state.elementInstances().get(timer.elementInstanceKey());
    if (activity != null) {
      incidents.raise(activity, new Failure(ErrorType.UNKNOWN, message), -1);
    }
    quarantine.quarantined(message);
  }

  private String describe(long key, TimerRecord timer) {
    var definition = state.processes().byKey(timer.processDefinitionKey());
    String process = definition == null ? "process definition " + timer.processDefinitionKey()
        : "process '" + definition.record().bpmnProcessId() + "'";
    return "timer " + key + " of " + process + " (element '" + timer.targetElementId() + "')";
  }
}
