package dev.engranaje.engine.record;

/** A SetVariables request: a JSON object applied to a scope, locally or propagated. */
public record VariableDocumentRecord(long scopeKey, String updateSemantics, String variables)
    implements RecordValue {}
