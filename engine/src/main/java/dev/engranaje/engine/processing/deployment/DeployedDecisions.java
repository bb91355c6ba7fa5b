package dev.engranaje.engine.processing.deployment;

import dev.engranaje.engine.gateway.DeployedDecision;
import dev.engranaje.engine.gateway.DeployedDecisionRequirements;
import dev.engranaje.engine.record.DeploymentRecord.DeployedDecisionMetadata;
import dev.engranaje.engine.record.DeploymentRecord.DeployedDecisionRequirementsMetadata;
import java.util.ArrayList;
import java.util.List;

/** The decision part of a deployment, as the deployment record and the deployment result list it. */
record DeployedDecisions(List<DeployedDecisionRequirementsMetadata> requirementsMetadata,
    List<DeployedDecisionMetadata> decisionMetadata, List<DeployedDecisionRequirements> requirements,
    List<DeployedDecision> decisions) {

  static DeployedDecisions of(List<DecisionDeployment.Planned> planned, String tenantId) {
    List<DeployedDecisionRequirementsMetadata> requirementsMetadata = new ArrayList<>();
    List<DeployedDecisionMetadata> decisionMetadata = new ArrayList<>();
    List<DeployedDecisionRequirements> requirements = new ArrayList<>();
    List<DeployedDecision> decisions = new ArrayList<>();
    for (DecisionDeployment.Planned p : planned) {
      DecisionDeployment.PlannedRequirements graph = p.requirements();
      requirementsMetadata.add(new DeployedDecisionRequirementsMetadata(graph.id(), graph.version(), graph.key(),
          graph.resourceName(), p.duplicate()));
      requirements.add(new DeployedDecisionRequirements(graph.id(), graph.name(), graph.version(), graph.key(),
          graph.resourceName(), tenantId));
      for (DecisionDeployment.PlannedDecision decision : p.decisions()) {
        decisionMetadata.add(new DeployedDecisionMetadata(decision.id(), decision.version(), decision.key(),
            graph.key(), p.duplicate()));
        decisions.add(new DeployedDecision(decision.id(), decision.name(), decision.version(), decision.key(),
            graph.id(), graph.key(), tenantId));
      }
    }
    return new DeployedDecisions(List.copyOf(requirementsMetadata), List.copyOf(decisionMetadata),
        List.copyOf(requirements), List.copyOf(decisions));
  }
}
