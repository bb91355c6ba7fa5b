package dev.engranaje.engine.processing.bpmn.container;

import dev.engranaje.engine.model.ExecutableElement;
import dev.engranaje.engine.processing.Outcome;
import dev.engranaje.engine.processing.bpmn.ElementProcessor;
import dev.engranaje.engine.processing.bpmn.behavior.ActivityBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.MappingBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.StateTransitionBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.SubscriptionBehavior;
import dev.engranaje.engine.record.ProcessMessageSubscriptionRecord;
import dev.engranaje.engine.state.ElementInstance;
import java.util.List;
import java.util.Map;

/** An embedded subprocess: a scope whose locals are dropped unless output-mapped. */
public final class SubProcessProcessor implements ElementProcessor {
  private final StateTransitionBehavior transitions;
  private final ActivityBehavior activities;
  private final MappingBehavior mappings;
  private final SubscriptionBehavior subscriptions;

  public SubProcessProcessor(StateTransitionBehavior transitions, ActivityBehavior activities, MappingBehavior mappings,
      SubscriptionBehavior subscriptions) {
    this.subscriptions = subscriptions;
    this.transitions = transitions;
    this.activities = activities;
    this.mappings = mappings;
  }

  @Override
  public void onActivate(ElementInstance instance, ExecutableElement element) {
    if (!activities.applyInputs(instance, element)) {
      return;
    }
    List<ProcessMessageSubscriptionRecord> messageBoundaries = subscriptions.prepareOrRaise(instance, element);
    if (messageBoundaries == null || !activities.armBoundaryTimers(instance, element)) {
      return;
    }
    subscriptions.open(messageBoundaries);
    transitions.toActivated(instance);
    transitions.activate(element.noneStartEvent(), instance);
    subscriptions.correlateBuffered(instance);
  }

  @Override
  public Outcome<Void> onComplete(ElementInstance instance, ExecutableElement element, Map<String, String> payload) {
    return mappings.applyOutputs(instance, element);
  }

  @Override
  public void onTerminate(ElementInstance instance, ExecutableElement element) {
    activities.leave(instance);
  }
}
