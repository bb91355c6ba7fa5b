package dev.engranaje.engine.processing.bpmn.behavior;

import dev.engranaje.engine.model.BpmnEventType;
import dev.engranaje.engine.model.ExecutableElement;
import dev.engranaje.engine.processing.ErrorType;
import dev.engranaje.engine.processing.Failure;
import dev.engranaje.engine.processing.RecordWriter;
import dev.engranaje.engine.record.ErrorIntent;
import dev.engranaje.engine.record.ErrorRecord;
import dev.engranaje.engine.state.ElementInstance;
import dev.engranaje.engine.state.ElementState;
import dev.engranaje.engine.state.EngineState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Throws BPMN errors (spec §7.5): searches from the thrower up through its flow scopes for an error
 * boundary event, an exact code beating a catch-all, and interrupts the activity it is attached to.
 * The search continues from the root of a called process to its call activity in the parent.
 */
public final class ErrorEventBehavior {
  private final EngineState state;
  private final RecordWriter writer;
  private final StateTransitionBehavior transitions;

  public ErrorEventBehavior(EngineState state, RecordWriter writer, StateTransitionBehavior transitions) {
    this.state = state;
    this.writer = writer;
    this.transitions = transitions;
  }

  private record Catch(ElementInstance activity, ExecutableElement boundary) {}

  /**
   * Throws an error from an element instance. Returns null when caught, or the failure describing
   * the uncaught error (UNHANDLED_ERROR_EVENT) for the caller to raise as an incident.
   */
  public Failure throwError(ElementInstance thrower, String code, String message, Map<String, String> payload) {
    Catch found = findCatch(thrower, code);
    writer.event(state.keys().next(), ErrorIntent.THROWN, new ErrorRecord(code, message, thrower.processInstanceKey(),
        thrower.key(), found == null ? null : found.boundary().id()));
    if (found == null) {
      return new Failure(ErrorType.UNHANDLED_ERROR_EVENT, "Expected to throw an error event with the code '" + code
          + "'" + (message == null || message.isEmpty() ? "" : " with message '" + message + "'")
          + ", but it was not caught. Available error events are " + availableCodes(thrower));
    }
    if (found.boundary().attachedTo() == null) {
      // an error event subprocess of the scope: its payload propagates (spec §3.3)
      transitions.triggerEventSubprocess(found.activity(), found.boundary(), payload);
    } else {
      transitions.interrupt(found.activity(), found.boundary(), payload);
    }
    return null;
  }

  private Catch findCatch(ElementInstance thrower, String code) {
    ElementInstance current = thrower;
    while (current != null) {
      if (current.state() != ElementState.TERMINATING && !transitions.isInterrupted(current)) {
        ExecutableElement element = transitions.elementOf(current);
        ExecutableElement catchAll = null;
        // boundary events of the activity first, then the error event subprocesses of the scope
        List<ExecutableElement> catches = new ArrayList<>(element.boundaryEvents());
        catches.addAll(element.eventSubprocessStarts());
        for (ExecutableElement boundary : catches) {
          if (boundary.eventType() != BpmnEventType.ERROR) {
            continue;
          }
          if (boundary.errorCode() == null) {
            catchAll = catchAll == null ? boundary : catchAll;
          } else if (boundary.errorCode().equals(code)) {
            return new Catch(current, boundary);
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

  private List<String> availableCodes(ElementInstance thrower) {
    List<String> codes = new ArrayList<>();
    ElementInstance current = thrower;
    while (current != null) {
      List<ExecutableElement> catches = new ArrayList<>(transitions.elementOf(current).boundaryEvents());
      catches.addAll(transitions.elementOf(current).eventSubprocessStarts());
      for (ExecutableElement boundary : catches) {
        if (boundary.eventType() == BpmnEventType.ERROR) {
          codes.add(boundary.errorCode() == null ? "<catch-all>" : boundary.errorCode());
        }
      }
      current = enclosing(current);
    }
    return codes;
  }

  /** The flow scope, or for the root of a called process the call activity that created it. */
  private ElementInstance enclosing(ElementInstance instance) {
    long next = instance.flowScopeKey() > 0 ? instance.flowScopeKey() : instance.value().parentElementInstanceKey();
    return next > 0 ? state.elementInstances().get(next) : null;
  }
}
