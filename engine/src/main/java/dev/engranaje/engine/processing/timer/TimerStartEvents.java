package dev.engranaje.engine.processing.timer;

import dev.engranaje.engine.model.BpmnElementType;
import dev.engranaje.engine.model.BpmnEventType;
import dev.engranaje.engine.model.ExecutableElement;
import dev.engranaje.engine.model.ExecutableProcess;
import dev.engranaje.engine.processing.RecordWriter;
import dev.engranaje.engine.processing.bpmn.behavior.TimerBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.TimerSchedule;
import dev.engranaje.engine.processing.instance.ProcessInstanceHandler;
import dev.engranaje.engine.record.TimerIntent;
import dev.engranaje.engine.record.TimerRecord;
import dev.engranaje.engine.state.EngineState;
import dev.engranaje.engine.state.ProcessState.DeployedDefinition;
import java.util.List;
import java.util.Map;

/**
 * Timer start events (spec 7.1, 1.3): scheduled when their process version is deployed, each
 * firing creates an instance of that version at that start event and re-arms the cycle. A new
 * version cancels the timers of the versions before it. A start timer has no element instance and
 * no process instance ({@link #NO_INSTANCE}).
 */
public final class TimerStartEvents {
  /** The element and process instance key of a start timer. */
  public static final long NO_INSTANCE = -1;

  private final EngineState state;
  private final RecordWriter writer;
  private final TimerBehavior timers;
  private final ProcessInstanceHandler instances;

  public TimerStartEvents(EngineState state, RecordWriter writer, TimerBehavior timers,
      ProcessInstanceHandler instances) {
    this.state = state;
    this.writer = writer;
    this.timers = timers;
    this.instances = instances;
  }

  /** The timer start events of a process (at process level only). */
  public static List<ExecutableElement> startEvents(ExecutableProcess process) {
    return process.root().children().stream()
        .filter(e -> e.type() == BpmnElementType.START_EVENT && e.eventType() == BpmnEventType.TIMER)
        .toList();
  }

  /**
   * Evaluates the start timers of a process about to be deployed, so a timer that cannot be
   * scheduled rejects the deployment before anything is written.
   *
   * @throws IllegalArgumentException naming the start event whose timer does not evaluate
   */
  public void check(ExecutableProcess process) {
    for (ExecutableElement startEvent : startEvents(process)) {
      timers.startSchedule(startEvent);
    }
  }

  /** Cancels the start timers of earlier versions and schedules those of the new version. */
  public void onProcessDeployed(ExecutableProcess process) {
    for (long key : state.timers().forElementInstance(NO_INSTANCE)) {
      TimerRecord timer = state.timers().get(key);
      DeployedDefinition owner = state.processes().byKey(timer.processDefinitionKey());
      if (timer.processDefinitionKey() != process.processDefinitionKey() && owner != null
          && owner.record().bpmnProcessId().equals(process.bpmnProcessId())) {
        writer.event(key, TimerIntent.CANCELED, timer);
      }
    }
    for (ExecutableElement startEvent : startEvents(process)) {
      TimerSchedule schedule = timers.startSchedule(startEvent);
      writer.event(state.keys().next(), TimerIntent.CREATED, new TimerRecord(NO_INSTANCE, NO_INSTANCE,
          process.processDefinitionKey(), startEvent.id(), schedule.dueDate(), schedule.repetitions(),
          process.tenantId()));
    }
  }

  /** Fires a due start timer (already TRIGGERED): a new instance, then the next repetition. */
  public void fire(TimerRecord timer) {
    DeployedDefinition definition = state.processes().byKey(timer.processDefinitionKey());
    if (definition == null) {
      return;
    }
    instances.createAtStartEvent(definition, timer.targetElementId(), Map.of());
    timers.rearm(timer, definition.process().element(timer.targetElementId()), Map.of());
  }
}
