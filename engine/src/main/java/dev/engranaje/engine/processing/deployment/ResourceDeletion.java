package dev.engranaje.engine.processing.deployment;

import dev.engranaje.engine.gateway.Rejection;
import dev.engranaje.engine.gateway.RejectionType;
import dev.engranaje.engine.model.BpmnElementType;
import dev.engranaje.engine.model.ExecutableElement;
import dev.engranaje.engine.processing.RecordWriter;
import dev.engranaje.engine.record.ProcessIntent;
import dev.engranaje.engine.state.EngineState;
import dev.engranaje.engine.state.ProcessState.DeployedDefinition;

/**
 * Deletes a deployed process definition version (Zeebe's resource deletion): new instances can no
 * longer start it, the previous version becomes the latest, and its number is never given again; its
 * history stays searchable. Refused while instances of it still run, and (for now) for processes
 * with timer, message or signal start events, whose start subscriptions would have to move to the
 * previous version. Decision and form resources cannot be deleted yet.
 */
public final class ResourceDeletion {
  static final String NOT_FOUND = "Expected to delete resource with key '%d', but no such resource was found";
  static final String RUNNING = "Expected to delete process definition with key '%d', but instances of it are"
      + " still running; cancel them (for example with a cancellation batch over processDefinitionKey) first";
  static final String EVENT_STARTS = "Expected to delete process definition with key '%d', but it has a %s start"
      + " event; deleting such a process is not supported yet";
  static final String OTHER_RESOURCE = "Expected a process definition key to delete, but '%d' is a %s; deleting"
      + " those is not supported yet";

  private final EngineState state;
  private final RecordWriter writer;

  public ResourceDeletion(EngineState state, RecordWriter writer) {
    this.state = state;
    this.writer = writer;
  }

  public void delete(long resourceKey) {
    DeployedDefinition definition = state.processes().byKey(resourceKey);
    if (definition == null) {
      if (state.decisions().decision(resourceKey) != null
          || state.decisions().requirements(resourceKey) != null) {
        throw new Rejection(RejectionType.INVALID_ARGUMENT, String.format(OTHER_RESOURCE, resourceKey, "decision"));
      }
      throw new Rejection(RejectionType.NOT_FOUND, String.format(NOT_FOUND, resourceKey));
    }
    for (ExecutableElement element : definition.process().root().children()) {
      if (element.type() == BpmnElementType.START_EVENT && element != definition.process().root().noneStartEvent()) {
        throw new Rejection(RejectionType.INVALID_ARGUMENT, String.format(EVENT_STARTS, resourceKey,
            String.valueOf(element.eventType()).toLowerCase(java.util.Locale.ROOT)));
      }
    }
    boolean running = state.elementInstances().all().stream()
        .anyMatch(instance -> instance.value().processDefinitionKey() == resourceKey);
    if (running) {
      throw new Rejection(RejectionType.INVALID_STATE, String.format(RUNNING, resourceKey));
    }
    writer.event(resourceKey, ProcessIntent.DELETED, definition.record());
  }
}
