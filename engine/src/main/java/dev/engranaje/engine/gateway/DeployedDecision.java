package dev.engranaje.engine.gateway;

/** A decision version a deployment created or reused, as the client's {@code Decision} shows it. */
public record DeployedDecision(String decisionId, String decisionName, int version, long decisionKey,
    String decisionRequirementsId, long decisionRequirementsKey, String tenantId) {}
