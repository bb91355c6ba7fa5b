package dev.engranaje.engine.record;

/** A deployed process definition version, with its BPMN source so it can be rebuilt on recovery. */
public record ProcessRecord(
    String bpmnProcessId,
    int version,
    long processDefinitionKey,
    String resourceName,
    String checksum,
    String resource,
    String tenantId)
    implements RecordValue {}
