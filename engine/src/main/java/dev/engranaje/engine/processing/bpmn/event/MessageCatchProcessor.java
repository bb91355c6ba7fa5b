package dev.engranaje.engine.processing.bpmn.event;

import dev.engranaje.engine.model.ExecutableElement;
import dev.engranaje.engine.processing.Outcome;
import dev.engranaje.engine.processing.bpmn.ElementProcessor;
import dev.engranaje.engine.processing.bpmn.behavior.ActivityBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.MappingBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.StateTransitionBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.SubscriptionBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.VariableBehavior;
import dev.engranaje.engine.record.ProcessMessageSubscriptionRecord;
import dev.engranaje.engine.state.ElementInstance;
import java.util.List;
import java.util.Map;

/**
 * Message intermediate catch events and receive tasks (spec §7.2): activation opens a subscription
 * to the element's message (and to its message boundary events); the correlated message completes
 * the element. Its variables are the payload: they propagate from the element's own scope without
 * output mappings, otherwise they are merged locally and only the mapped targets leave. The
 * subscriptions close when the element is left.
 */
public final class MessageCatchProcessor implements ElementProcessor {
  private final StateTransitionBehavior transitions;
  private final ActivityBehavior activities;
  private final SubscriptionBehavior subscriptions;
  private final VariableBehavior variables;
  private final MappingBehavior mappings;

  public MessageCatchProcessor(StateTransitionBehavior transitions, ActivityBehavior activities,
      SubscriptionBehavior subscriptions, VariableBehavior variables, MappingBehavior mappings) {
    this.transitions = transitions;
    this.activities = activities;
    this.subscriptions = subscriptions;
    this.variables = variables;
    this.mappings = mappings;
  }

  @Override
  public void onActivate(ElementInstance instance, ExecutableElement element) {
    if (!activities.applyInputs(instance, element)) {
      return;
    }
    List<ProcessMessageSubscriptionRecord> opened = subscriptions.prepareOrRaise(instance, element);
    if (opened == null || !activities.armBoundaryTimers(instance, element)) {
      return;
    }
    subscriptions.open(opened);
    transitions.toActivated(instance);
    subscriptions.correlateBuffered(instance);
  }

  @Override
  public Outcome<Void> onComplete(ElementInstance instance, ExecutableElement element, Map<String, String> payload) {
    if (element.outputs().isEmpty()) {
      variables.propagate(instance.key(), payload);
      return Outcome.ok(null);
    }
    variables.mergeLocal(instance.key(), payload);
    return mappings.applyOutputs(instance, element);
  }

  @Override
  public void onTerminate(ElementInstance instance, ExecutableElement element) {
    activities.leave(instance);
  }
}
