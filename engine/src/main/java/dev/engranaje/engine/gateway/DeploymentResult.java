package dev.engranaje.engine.gateway;

import java.util.List;

public record DeploymentResult(long deploymentKey, String tenantId, List<DeployedProcess> processes,
    List<DeployedDecisionRequirements> decisionRequirements, List<DeployedDecision> decisions) {

  /** A deployment of processes only. */
  public DeploymentResult(long deploymentKey, String tenantId, List<DeployedProcess> processes) {
    this(deploymentKey, tenantId, processes, List.of(), List.of());
  }
}
