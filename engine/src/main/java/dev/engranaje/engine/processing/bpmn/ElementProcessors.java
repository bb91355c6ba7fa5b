package dev.engranaje.engine.processing.bpmn;

import dev.engranaje.engine.model.BpmnElementType;
import java.util.EnumMap;
import java.util.Map;

/** Which processor handles which element kind. */
public final class ElementProcessors {
  private final Map<BpmnElementType, ElementProcessor> processors = new EnumMap<>(BpmnElementType.class);

  public ElementProcessors register(BpmnElementType type, ElementProcessor processor) {
    processors.put(type, processor);
    return this;
  }

  public ElementProcessor get(BpmnElementType type) {
    ElementProcessor processor = processors.get(type);
    if (processor == null) {
      throw new IllegalStateException("Expected a processor for element kind " + type + ", but none is registered");
    }
    return processor;
  }
}
