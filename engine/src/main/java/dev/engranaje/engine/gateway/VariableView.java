package dev.engranaje.engine.gateway;

/** A variable with its JSON value. */
public record VariableView(
    long key, String name, String valueJson, long scopeKey, long processInstanceKey, String tenantId) {}
