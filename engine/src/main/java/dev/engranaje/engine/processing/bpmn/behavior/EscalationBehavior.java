package dev.engranaje.engine.processing.bpmn.behavior;

import dev.engranaje.engine.model.BpmnEventType;
import dev.engranaje.engine.model.ExecutableElement;
import dev.engranaje.engine.processing.RecordWriter;
import dev.engranaje.engine.record.EscalationIntent;
import dev.engranaje.engine.record.EscalationRecord;
import dev.engranaje.engine.state.ElementInstance;
import dev.engranaje.engine.state.ElementState;
import dev.engranaje.engine.state.EngineState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Throws escalations (spec §7.6): searches from the thrower up through its flow scopes, and through
 * call activities into parent instances, for an escalation boundary event or an escalation event
 * subprocess, the exact code beating a catch-all. An uncaught escalation is recorded
 * (NOT_ESCALATED) and the flow continues.
 */
public final class EscalationBehavior {
  private final EngineState state;
  private final RecordWriter writer;
  private final StateTransitionBehavior transitions;

  public EscalationBehavior(EngineState state, RecordWriter writer, StateTransitionBehavior transitions) {
    this.state = state;
    this.writer = writer;
    this.transitions = transitions;
  }

  private record Catch(ElementInstance owner, ExecutableElement catchEvent) {}

  /**
   * Throws an escalation from an element instance. Returns true when an interrupting catch ended
   * the thrower's path; false when the thrower continues (uncaught or caught non-interrupting).
   */
  public boolean throwEscalation(ElementInstance thrower, String code) {
    Catch found = findCatch(thrower, code);
    writer.event(state.keys().next(), found == null ? EscalationIntent.NOT_ESCALATED : EscalationIntent.ESCALATED,
        new EscalationRecord(code, thrower.processInstanceKey(), thrower.elementId(),
            found == null ? null : found.catchEvent().id()));
    if (found == null) {
      return false;
    }
    ExecutableElement catchEvent = found.catchEvent();
    if (catchEvent.attachedTo() == null) {
      transitions.triggerEventSubprocess(found.owner(), catchEvent, Map.of());
    } else if (catchEvent.interrupting()) {
      transitions.interrupt(found.owner(), catchEvent, Map.of());
    } else {
      transitions.activateBoundary(catchEvent, state.elementInstances().get(found.owner().flowScopeKey()), Map.of());
    }
    return catchEvent.interrupting();
  }

  private Catch findCatch(ElementInstance thrower, String code) {
    ElementInstance current = enclosing(thrower);
    while (current != null) {
      if (current.state() == ElementState.ACTIVATED && !transitions.isInterrupted(current)) {
        ExecutableElement element = transitions.elementOf(current);
        // boundary events of the activity first, then the escalation event subprocesses of the scope
        List<ExecutableElement> catches = new ArrayList<>(element.boundaryEvents());
        catches.addAll(element.eventSubprocessStarts());
        ExecutableElement catchAll = null;
        for (ExecutableElement candidate : catches) {
          if (candidate.eventType() != BpmnEventType.ESCALATION) {
            continue;
          }
          if (candidate.errorCode() == null) {
            catchAll = catchAll == null ? candidate : catchAll;
          } else if (candidate.errorCode().equals(code)) {
            return new Catch(current, candidate);
          }
        }
        if (catchAll != null) {
          return new Catch(current, catchAll);
        }
      }
      current = enclosing(current);
    }
    return null;
  }

  /** The flow scope, or for the root of a called process the call activity that created it. */
  private ElementInstance enclosing(ElementInstance instance) {
    long next = instance.flowScopeKey() > 0 ? instance.flowScopeKey() : instance.value().parentElementInstanceKey();
    return next > 0 ? state.elementInstances().get(next) : null;
  }
}
