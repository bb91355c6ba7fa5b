package dev.engranaje.engine.gateway;

/** A decision requirements graph version a deployment created or reused. */
public record DeployedDecisionRequirements(String decisionRequirementsId, String decisionRequirementsName,
    int version, long decisionRequirementsKey, String resourceName, String tenantId) {}
