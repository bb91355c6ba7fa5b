package dev.engranaje.engine.processing.variable;

import dev.engranaje.engine.gateway.Rejection;
import dev.engranaje.engine.gateway.RejectionType;
import dev.engranaje.engine.processing.JsonDocuments;
import dev.engranaje.engine.processing.RecordWriter;
import dev.engranaje.engine.processing.bpmn.behavior.VariableBehavior;
import dev.engranaje.engine.record.VariableDocumentIntent;
import dev.engranaje.engine.record.VariableDocumentRecord;
import dev.engranaje.engine.state.EngineState;
import java.util.Map;

/** SetVariables (spec §3.3): {@code local} merges onto the scope, otherwise the document propagates. */
public final class VariableDocumentHandler {
  private final EngineState state;
  private final RecordWriter writer;
  private final VariableBehavior variables;

  public VariableDocumentHandler(EngineState state, RecordWriter writer, VariableBehavior variables) {
    this.state = state;
    this.writer = writer;
    this.variables = variables;
  }

  public long set(long scopeKey, String variablesJson, boolean local) {
    if (state.elementInstances().get(scopeKey) == null) {
      throw new Rejection(RejectionType.NOT_FOUND, "Expected to update variables for element with key '" + scopeKey
          + "', but no such element was found");
    }
    Map<String, String> document = JsonDocuments.entries(variablesJson);
    long key = state.keys().next();
    writer.event(key, VariableDocumentIntent.UPDATED,
        new VariableDocumentRecord(scopeKey, local ? "LOCAL" : "PROPAGATE", JsonDocuments.object(document)));
    if (local) {
      variables.mergeLocal(scopeKey, document);
    } else {
      variables.propagate(scopeKey, document);
    }
    return key;
  }
}
