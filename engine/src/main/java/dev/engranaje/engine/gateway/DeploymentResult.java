package dev.engranaje.engine.gateway;

import java.util.List;

public record DeploymentResult(long deploymentKey, String tenantId, List<DeployedProcess> processes) {}
