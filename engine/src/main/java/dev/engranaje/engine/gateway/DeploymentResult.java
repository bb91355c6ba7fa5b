package dev.engranaje.engine.gateway;

import java.util.List;

/** What a deployment created or reused, per kind of resource, in deployment order. */
public record DeploymentResult(long deploymentKey, String tenantId, List<DeployedProcess> processes,
    List<DeployedDecisionRequirements> decisionRequirements, List<DeployedDecision> decisions,
    List<DeployedForm> forms) {

  /** A deployment of processes only. */
  public DeploymentResult(long deploymentKey, String tenantId, List<DeployedProcess> processes) {
    this(deploymentKey, tenantId, processes, List.of(), List.of(), List.of());
  }
}
