package dev.engranaje.engine.gateway;

/** A form version a deployment created or reused, as the client's {@code Form} shows it. */
public record DeployedForm(String formId, int version, long formKey, String resourceName, String tenantId) {}
