package dev.engranaje.engine.gateway;

public record PublishedMessage(long messageKey, String tenantId) {}
