package dev.engranaje.engine.processing.bpmn.behavior;

import dev.engranaje.engine.expression.EvaluationResult;
import dev.engranaje.engine.expression.ExpressionLanguage;
import dev.engranaje.engine.model.BpmnEventType;
import dev.engranaje.engine.model.ExecutableElement;
import dev.engranaje.engine.model.TimerDefinition;
import dev.engranaje.engine.processing.ErrorType;
import dev.engranaje.engine.processing.Outcome;
import dev.engranaje.engine.processing.RecordWriter;
import dev.engranaje.engine.record.TimerIntent;
import dev.engranaje.engine.record.TimerRecord;
import dev.engranaje.engine.state.ElementInstance;
import dev.engranaje.engine.state.EngineState;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Arms and cancels the timers of timer boundary events, timer catch events and timer start events. */
public final class TimerBehavior {
  private final EngineState state;
  private final RecordWriter writer;
  private final ExpressionLanguage expressions;
  private final VariableBehavior variables;
  private final Clock clock;

  public TimerBehavior(EngineState state, RecordWriter writer, ExpressionLanguage expressions, VariableBehavior variables,
      Clock clock) {
    this.state = state;
    this.writer = writer;
    this.expressions = expressions;
    this.variables = variables;
    this.clock = clock;
  }

  /**
   * Evaluates every timer boundary of an activity. Nothing is armed unless all evaluate, so a
   * failure leaves no half-opened subscriptions behind.
   */
  public Outcome<List<TimerRecord>> prepareBoundaryTimers(ElementInstance instance, ExecutableElement element) {
    List<TimerRecord> timers = new ArrayList<>();
    List<ExecutableElement> triggers = new ArrayList<>(element.boundaryEvents());
    triggers.addAll(element.eventSubprocessStarts());
    for (ExecutableElement boundary : triggers) {
      if (boundary.eventType() != BpmnEventType.TIMER) {
        continue;
      }
      Outcome<TimerSchedule> schedule = schedule(instance, boundary.timer(), boundary.id());
      if (schedule.isFailure()) {
        return Outcome.failed(schedule.failure());
      }
      timers.add(new TimerRecord(instance.key(), instance.processInstanceKey(), instance.value().processDefinitionKey(),
          boundary.id(), schedule.value().dueDate(), schedule.value().repetitions(), instance.value().tenantId()));
    }
    return Outcome.ok(timers);
  }

  /**
   * Evaluates the timer of an element that waits on its own timer (a timer intermediate catch
   * event): the timer belongs to the element instance and targets the element itself.
   */
  public Outcome<TimerRecord> prepareOwnTimer(ElementInstance instance, ExecutableElement element) {
    Outcome<TimerSchedule> schedule = schedule(instance, element.timer(), element.id());
    if (schedule.isFailure()) {
      return Outcome.failed(schedule.failure());
    }
    return Outcome.ok(new TimerRecord(instance.key(), instance.processInstanceKey(),
        instance.value().processDefinitionKey(), element.id(), schedule.value().dueDate(), schedule.value().repetitions(),
        instance.value().tenantId()));
  }

  /**
   * The first schedule of a timer start event, evaluated without variables (there is no instance
   * yet). A FEEL value that does not evaluate is a bug in the model that validation cannot see, so
   * it surfaces as {@link IllegalArgumentException} and rejects the deployment.
   */
  public TimerSchedule startSchedule(ExecutableElement startEvent) {
    TimerDefinition timer = startEvent.timer();
    String text = staticOrEvaluated(timer, Map.of());
    if (text == null) {
      throw new IllegalArgumentException("Expected the timer of start event '" + startEvent.id()
          + "' to evaluate to a date or cycle without variables, but it did not");
    }
    return scheduleOf(timer, text, clock.millis());
  }

  public void arm(List<TimerRecord> timers) {
    for (TimerRecord timer : timers) {
      writer.event(state.keys().next(), TimerIntent.CREATED, timer);
    }
  }

  /** Re-arms a cycle timer after it fired, if repetitions are left (a FEEL cycle is not re-evaluated). */
  public void rearm(TimerRecord fired, ExecutableElement boundary) {
    rearm(fired, boundary, null);
  }

  /**
   * Re-arms a cycle timer after it fired, if repetitions are left, evaluating a FEEL cycle against
   * {@code variables} (none for a start event; null: not evaluated).
   */
  public void rearm(TimerRecord fired, ExecutableElement boundary, Map<String, Object> variables) {
    if (boundary.timer() == null || boundary.timer().kind() != dev.engranaje.engine.model.TimerKind.CYCLE) {
      return;
    }
    String cycle = staticOrEvaluated(boundary.timer(), variables);
    if (cycle == null) {
      return;
    }
    TimerSchedule next = TimerSchedule.following(cycle, fired.dueDate(), fired.repetitions(), clock.millis());
    if (next != null) {
      writer.event(state.keys().next(), TimerIntent.CREATED, new TimerRecord(fired.elementInstanceKey(),
          fired.processInstanceKey(), fired.processDefinitionKey(), fired.targetElementId(), next.dueDate(),
          next.repetitions(), fired.tenantId()));
    }
  }

  /** Cancels the timers of the event subprocess starts of a scope (an interrupting one fired). */
  public void cancelEventSubprocessTimers(ElementInstance scope, ExecutableElement element) {
    for (long timerKey : state.timers().forElementInstance(scope.key())) {
      TimerRecord timer = state.timers().get(timerKey);
      if (element.eventSubprocessStarts().stream().anyMatch(start -> start.id().equals(timer.targetElementId()))) {
        writer.event(timerKey, TimerIntent.CANCELED, timer);
      }
    }
  }

  public void cancelAll(ElementInstance instance) {
    for (long timerKey : state.timers().forElementInstance(instance.key())) {
      writer.event(timerKey, TimerIntent.CANCELED, state.timers().get(timerKey));
    }
  }

  /**
   * The timer's text: its static value, or its FEEL value evaluated against {@code variables}
   * (null: FEEL is not evaluated); null when it does not evaluate.
   */
  private String staticOrEvaluated(TimerDefinition timer, Map<String, Object> variables) {
    if (!timer.expression().isFeel()) {
      return timer.expression().staticValue();
    }
    if (variables == null) {
      return null;
    }
    EvaluationResult result = expressions.evaluate(timer.expression(), variables);
    return result instanceof EvaluationResult.Success success && success.value() != null
        ? String.valueOf(success.value()) : null;
  }

  private static TimerSchedule scheduleOf(TimerDefinition timer, String text, long now) {
    return switch (timer.kind()) {
      case DATE -> TimerSchedule.date(text);
      case DURATION -> TimerSchedule.duration(text, now);
      case CYCLE -> TimerSchedule.cycle(text, now);
    };
  }

  private Outcome<TimerSchedule> schedule(ElementInstance instance, TimerDefinition timer, String boundaryId) {
    String text;
    if (timer.expression().isFeel()) {
      EvaluationResult result = expressions.evaluate(timer.expression(), variables.visibleValues(instance.key()));
      if (!(result instanceof EvaluationResult.Success success) || success.value() == null) {
        String why = result instanceof EvaluationResult.Failure failure ? failure.message() : "it evaluated to null";
        return Outcome.failed(ErrorType.EXTRACT_VALUE_ERROR,
            "Expected the timer of '" + boundaryId + "' to evaluate to a date, duration or cycle, but " + why);
      }
      text = String.valueOf(((EvaluationResult.Success) result).value());
    } else {
      text = timer.expression().staticValue();
    }
    long now = clock.millis();
    try {
      return Outcome.ok(scheduleOf(timer, text, now));
    } catch (IllegalArgumentException e) {
      return Outcome.failed(ErrorType.EXTRACT_VALUE_ERROR, "Timer of '" + boundaryId + "': " + e.getMessage());
    }
  }
}
