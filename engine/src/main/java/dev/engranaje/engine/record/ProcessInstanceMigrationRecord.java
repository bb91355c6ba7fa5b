package dev.engranaje.engine.record;

import java.util.Map;

/**
 * A process instance migration as applied: from which definition to which, and how each active
 * element was mapped (source element id to target element id).
 */
public record ProcessInstanceMigrationRecord(
    long processInstanceKey,
    long sourceProcessDefinitionKey,
    long targetProcessDefinitionKey,
    String targetBpmnProcessId,
    int targetVersion,
    Map<String, String> mappedElementIds,
    String tenantId)
    implements RecordValue {}
