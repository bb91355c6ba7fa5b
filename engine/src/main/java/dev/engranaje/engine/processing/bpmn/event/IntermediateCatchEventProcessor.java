package dev.engranaje.engine.processing.bpmn.event;

import dev.engranaje.engine.model.BpmnEventType;
import dev.engranaje.engine.model.ExecutableElement;
import dev.engranaje.engine.processing.Outcome;
import dev.engranaje.engine.processing.bpmn.ElementProcessor;
import dev.engranaje.engine.state.ElementInstance;
import java.util.EnumMap;
import java.util.Map;

/**
 * Intermediate catch events: each event definition (timer, message, ...) has its own processor,
 * chosen by the element's event type. Validation admits only the listed kinds, so a missing one is
 * a bug.
 */
public final class IntermediateCatchEventProcessor implements ElementProcessor {
  private final Map<BpmnEventType, ElementProcessor> byEventType;

  private final dev.engranaje.engine.processing.bpmn.behavior.StateTransitionBehavior transitions;

  public IntermediateCatchEventProcessor(Map<BpmnEventType, ElementProcessor> byEventType) {
    this(byEventType, null);
  }

  /** With {@code transitions}, a catch event already triggered by its event-based gateway completes at once. */
  public IntermediateCatchEventProcessor(Map<BpmnEventType, ElementProcessor> byEventType,
      dev.engranaje.engine.processing.bpmn.behavior.StateTransitionBehavior transitions) {
    this.byEventType = new EnumMap<>(byEventType);
    this.transitions = transitions;
  }

  @Override
  public void onActivate(ElementInstance instance, ExecutableElement element) {
    Map<String, String> triggered = transitions == null ? null : transitions.takeEventTrigger(instance);
    if (triggered != null) {
      transitions.toActivated(instance);
      transitions.complete(instance, triggered, null);
      return;
    }
    processorOf(element).onActivate(instance, element);
  }

  @Override
  public Outcome<Void> onComplete(ElementInstance instance, ExecutableElement element, Map<String, String> payload) {
    return processorOf(element).onComplete(instance, element, payload);
  }

  @Override
  public void onTerminate(ElementInstance instance, ExecutableElement element) {
    processorOf(element).onTerminate(instance, element);
  }

  private ElementProcessor processorOf(ExecutableElement element) {
    ElementProcessor processor = byEventType.get(element.eventType());
    if (processor == null) {
      throw new IllegalStateException("Expected a processor for intermediate catch event '" + element.id()
          + "' of event type " + element.eventType() + ", but none is registered");
    }
    return processor;
  }
}
