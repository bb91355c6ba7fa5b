package dev.engranaje.engine.gateway;

/** {@code messageId} may be null; {@code timeToLiveMillis} 0 means "correlate now or drop". */
public record PublishMessage(
    String name,
    String correlationKey,
    long timeToLiveMillis,
    String messageId,
    String variablesJson,
    String tenantId) {}
