package dev.engranaje.engine.gateway;

/**
 * A deployed form version as task lists fetch it: {@code schema} is the form's JSON exactly as
 * deployed.
 */
public record FormView(long formKey, String formId, int version, String schema, String tenantId) {}
