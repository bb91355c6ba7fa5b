package dev.engranaje.engine.record;

/**
 * A deployed version of a decision requirements graph (one DMN resource), with the DMN source so
 * its decisions can be parsed again on recovery.
 */
public record DecisionRequirementsRecord(
    String decisionRequirementsId,
    String decisionRequirementsName,
    int version,
    long decisionRequirementsKey,
    String namespace,
    String resourceName,
    String checksum,
    String resource,
    long deploymentKey,
    String tenantId)
    implements RecordValue {}
