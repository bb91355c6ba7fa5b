package dev.engranaje.engine.processing.bpmn.behavior;

import dev.engranaje.engine.processing.Failure;
import dev.engranaje.engine.processing.RecordWriter;
import dev.engranaje.engine.record.IncidentIntent;
import dev.engranaje.engine.record.IncidentRecord;
import dev.engranaje.engine.record.ProcessInstanceRecord;
import dev.engranaje.engine.state.ElementInstance;
import dev.engranaje.engine.state.EngineState;
import dev.engranaje.engine.state.IncidentState.IncidentEntry;

/** Raises incidents for failures and resolves them. */
public final class IncidentBehavior {
  private final EngineState state;
  private final RecordWriter writer;

  public IncidentBehavior(EngineState state, RecordWriter writer) {
    this.state = state;
    this.writer = writer;
  }

  /** Raises an incident on an element instance; {@code jobKey} is -1 when no job is involved. */
  public void raise(ElementInstance instance, Failure failure, long jobKey) {
    ProcessInstanceRecord value = instance.value();
    IncidentRecord incident = new IncidentRecord(failure.errorType().name(), failure.message(), value.bpmnProcessId(),
        value.processDefinitionKey(), value.processInstanceKey(), value.elementId(), instance.key(), jobKey,
        instance.key(), value.tenantId());
    writer.event(state.keys().next(), IncidentIntent.CREATED, incident);
  }

  /** Resolves every active incident of an element instance (when it is terminated). */
  public void resolveAll(ElementInstance instance) {
    for (long incidentKey : state.incidents().activeForElementInstance(instance.key())) {
      resolve(incidentKey);
    }
  }

  public void resolve(long incidentKey) {
    IncidentEntry entry = state.incidents().get(incidentKey);
    writer.event(incidentKey, IncidentIntent.RESOLVED, entry.record());
  }
}
