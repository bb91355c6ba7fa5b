package dev.engranaje.engine.gateway;

/** The answer to a signal broadcast. */
public record BroadcastedSignal(long signalKey, String tenantId) {}
