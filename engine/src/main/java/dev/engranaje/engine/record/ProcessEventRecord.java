package dev.engranaje.engine.record;

/**
 * An event that was triggered for a scope (the process instance's start event, for now) and is
 * taken when the scope gets to it; {@code scopeKey} is the element instance that keeps it.
 */
public record ProcessEventRecord(
    long scopeKey, String targetElementId, long processInstanceKey, long processDefinitionKey, String tenantId)
    implements RecordValue {}
