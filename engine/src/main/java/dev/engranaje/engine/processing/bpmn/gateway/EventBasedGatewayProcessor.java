package dev.engranaje.engine.processing.bpmn.gateway;

import dev.engranaje.engine.model.BpmnEventType;
import dev.engranaje.engine.model.ExecutableElement;
import dev.engranaje.engine.model.ExecutableFlow;
import dev.engranaje.engine.processing.Outcome;
import dev.engranaje.engine.processing.bpmn.ElementProcessor;
import dev.engranaje.engine.processing.bpmn.behavior.IncidentBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.SignalBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.StateTransitionBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.SubscriptionBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.TimerBehavior;
import dev.engranaje.engine.record.ProcessMessageSubscriptionRecord;
import dev.engranaje.engine.record.SignalSubscriptionRecord;
import dev.engranaje.engine.record.TimerRecord;
import dev.engranaje.engine.state.ElementInstance;
import java.util.ArrayList;
import java.util.List;

/**
 * Event-based gateway (spec §6): activation opens the subscriptions (message, signal) and timers of
 * every catch event it leads to, owned by the gateway instance and targeting the catch event. The first
 * trigger completes the gateway, which closes the others, and activates that catch event with the
 * trigger's payload (see {@link StateTransitionBehavior#triggerEventBasedGateway}).
 */
public final class EventBasedGatewayProcessor implements ElementProcessor {
  private final StateTransitionBehavior transitions;
  private final SubscriptionBehavior subscriptions;
  private final SignalBehavior signals;
  private final TimerBehavior timers;
  private final IncidentBehavior incidents;

  public EventBasedGatewayProcessor(StateTransitionBehavior transitions, SubscriptionBehavior subscriptions,
      SignalBehavior signals, TimerBehavior timers, IncidentBehavior incidents) {
    this.transitions = transitions;
    this.subscriptions = subscriptions;
    this.signals = signals;
    this.timers = timers;
    this.incidents = incidents;
  }

  @Override
  public void onActivate(ElementInstance instance, ExecutableElement element) {
    List<ProcessMessageSubscriptionRecord> messages = new ArrayList<>();
    List<SignalSubscriptionRecord> signalRecords = new ArrayList<>();
    List<TimerRecord> timerRecords = new ArrayList<>();
    for (ExecutableFlow flow : element.outgoing()) {
      ExecutableElement target = flow.target();
      if (target.eventType() == BpmnEventType.MESSAGE && target.message() != null) {
        Outcome<ProcessMessageSubscriptionRecord> opened = subscriptions.prepareFor(instance, target);
        if (opened.isFailure()) {
          incidents.raise(instance, opened.failure(), -1);
          return;
        }
        messages.add(opened.value());
      } else if (target.eventType() == BpmnEventType.TIMER && target.timer() != null) {
        Outcome<TimerRecord> timer = timers.prepareOwnTimer(instance, target);
        if (timer.isFailure()) {
          incidents.raise(instance, timer.failure(), -1);
          return;
        }
        timerRecords.add(timer.value());
      } else if (target.eventType() == BpmnEventType.SIGNAL && target.signalName() != null) {
        Outcome<SignalSubscriptionRecord> signal = signals.prepareFor(instance, target);
        if (signal.isFailure()) {
          incidents.raise(instance, signal.failure(), -1);
          return;
        }
        signalRecords.add(signal.value());
      }
    }
    subscriptions.open(messages);
    signals.open(signalRecords);
    timers.arm(timerRecords);
    transitions.toActivated(instance);
    subscriptions.correlateBuffered(instance);
  }
}
