package dev.engranaje.engine.gateway;

import java.util.List;

/** An empty or null {@code fetchVariables} means all visible variables. */
public record ActivateJobs(
    String type,
    String worker,
    long timeoutMillis,
    int maxJobs,
    List<String> fetchVariables,
    long requestTimeoutMillis,
    List<String> tenantIds) {}
