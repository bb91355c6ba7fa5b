package dev.engranaje.engine.record;

/**
 * A deployed decision version, versioned per decision id; its logic lives in the decision
 * requirements graph it belongs to. {@code versionTag} is null when the decision has none.
 */
public record DecisionRecord(
    String decisionId,
    String decisionName,
    int version,
    long decisionKey,
    String versionTag,
    String decisionRequirementsId,
    long decisionRequirementsKey,
    long deploymentKey,
    String tenantId)
    implements RecordValue {}
