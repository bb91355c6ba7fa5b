package dev.engranaje.engine.processing.bpmn.event;

import dev.engranaje.engine.model.BpmnEventType;
import dev.engranaje.engine.model.ExecutableElement;
import dev.engranaje.engine.processing.Outcome;
import dev.engranaje.engine.processing.bpmn.ElementProcessor;
import dev.engranaje.engine.state.ElementInstance;
import java.util.Map;

/**
 * Message intermediate throw and end events (spec §4, §7.2): Zeebe implements them as jobs, like
 * send tasks, so the engine publishes nothing; a worker does, and its completion completes the
 * event. Other throw and end events go to the processor this one wraps.
 */
public final class MessageThrowEventProcessor implements ElementProcessor {
  private final ElementProcessor jobs;
  private final ElementProcessor otherwise;

  /**
   * @param jobs the job worker task processor that runs a message throw or end event
   * @param otherwise the processor of every other event of the same element type
   */
  public MessageThrowEventProcessor(ElementProcessor jobs, ElementProcessor otherwise) {
    this.jobs = jobs;
    this.otherwise = otherwise;
  }

  @Override
  public void onActivate(ElementInstance instance, ExecutableElement element) {
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
    return element.eventType() == BpmnEventType.MESSAGE ? jobs : otherwise;
  }
}
