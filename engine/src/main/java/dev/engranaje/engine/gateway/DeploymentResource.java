package dev.engranaje.engine.gateway;

/** One file of a deployment: its name (used in error messages) and its bytes. */
public record DeploymentResource(String name, byte[] content) {}
