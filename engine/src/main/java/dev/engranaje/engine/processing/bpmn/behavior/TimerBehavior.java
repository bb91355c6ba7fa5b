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

/** Arms and cancels the timers of timer boundary events. */
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
    for (ExecutableElement boundary : element.boundaryEvents()) {
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

  public void arm(List<TimerRecord> timers) {
    for (TimerRecord timer : timers) {
      writer.event(state.keys().next(), TimerIntent.CREATED, timer);
    }
  }

  /** Re-arms a cycle timer after it fired, if repetitions are left. */
  public void rearm(TimerRecord fired, ExecutableElement boundary) {
    if (boundary.timer() == null || boundary.timer().kind() != dev.engranaje.engine.model.TimerKind.CYCLE) {
      return;
    }
    String interval = cycleInterval(boundary);
    if (interval == null) {
      return;
    }
    TimerSchedule next = new TimerSchedule(fired.dueDate(), fired.repetitions(), interval).next(clock.millis());
    if (next != null) {
      writer.event(state.keys().next(), TimerIntent.CREATED, new TimerRecord(fired.elementInstanceKey(),
          fired.processInstanceKey(), fired.processDefinitionKey(), fired.targetElementId(), next.dueDate(),
          next.repetitions(), fired.tenantId()));
    }
  }

  public void cancelAll(ElementInstance instance) {
    for (long timerKey : state.timers().forElementInstance(instance.key())) {
      writer.event(timerKey, TimerIntent.CANCELED, state.timers().get(timerKey));
    }
  }

  private String cycleInterval(ExecutableElement boundary) {
    String text = boundary.timer().expression().isFeel() ? null : boundary.timer().expression().staticValue();
    if (text == null) {
      return null;
    }
    String[] parts = text.split("/");
    return parts[parts.length - 1];
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
      return Outcome.ok(switch (timer.kind()) {
        case DATE -> TimerSchedule.date(text);
        case DURATION -> TimerSchedule.duration(text, now);
        case CYCLE -> TimerSchedule.cycle(text, now);
      });
    } catch (IllegalArgumentException e) {
      return Outcome.failed(ErrorType.EXTRACT_VALUE_ERROR, "Timer of '" + boundaryId + "': " + e.getMessage());
    }
  }
}
