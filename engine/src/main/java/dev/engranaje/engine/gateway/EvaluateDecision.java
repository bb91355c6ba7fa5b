package dev.engranaje.engine.gateway;

/**
 * A standalone decision evaluation: the decision by key, or by id (its latest version); exactly one
 * of them is set. {@code variablesJson} is a JSON object text or null.
 */
public record EvaluateDecision(String decisionId, Long decisionKey, String variablesJson, String tenantId) {}
