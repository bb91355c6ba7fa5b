package dev.engranaje.engine.processing.bpmn.container;

import dev.engranaje.engine.model.ExecutableElement;
import dev.engranaje.engine.processing.bpmn.ElementProcessor;
import dev.engranaje.engine.processing.bpmn.behavior.ActivityBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.StateTransitionBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.SubscriptionBehavior;
import dev.engranaje.engine.record.ProcessMessageSubscriptionRecord;
import dev.engranaje.engine.state.ElementInstance;
import java.util.List;

/**
 * The process instance: opens the triggers of its event subprocesses, starts at its none start
 * event (or the timer or message start it was created for) and completes when nothing inside is
 * active.
 */
public final class ProcessProcessor implements ElementProcessor {
  private final StateTransitionBehavior transitions;
  private final ActivityBehavior activities;
  private final SubscriptionBehavior subscriptions;

  public ProcessProcessor(StateTransitionBehavior transitions, ActivityBehavior activities,
      SubscriptionBehavior subscriptions) {
    this.transitions = transitions;
    this.activities = activities;
    this.subscriptions = subscriptions;
  }

  @Override
  public void onActivate(ElementInstance instance, ExecutableElement element) {
    List<ProcessMessageSubscriptionRecord> eventSubprocessMessages = List.of();
    if (!element.eventSubprocessStarts().isEmpty()) {
      eventSubprocessMessages = subscriptions.prepareOrRaise(instance, element);
      if (eventSubprocessMessages == null || !activities.armBoundaryTimers(instance, element)) {
        return;
      }
    }
    subscriptions.open(eventSubprocessMessages);
    transitions.toActivated(instance);
    transitions.activate(transitions.startEventOf(instance, element), instance);
    if (!eventSubprocessMessages.isEmpty()) {
      subscriptions.correlateBuffered(instance);
    }
  }
}
