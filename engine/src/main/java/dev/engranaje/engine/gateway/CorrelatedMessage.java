package dev.engranaje.engine.gateway;

/** A message correlated at once: its key, and the first process instance it reached. */
public record CorrelatedMessage(long messageKey, long processInstanceKey, String tenantId) {}
