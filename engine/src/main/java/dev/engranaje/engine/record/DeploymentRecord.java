package dev.engranaje.engine.record;

import java.util.List;

/**
 * A deployment: its resource names and the process definitions, decision requirements and decisions
 * and forms it produced or reused. Logs written before decisions or forms existed read back with null
 * lists for them.
 */
public record DeploymentRecord(List<String> resourceNames, List<DeployedProcessMetadata> processes, String tenantId,
    List<DeployedDecisionRequirementsMetadata> decisionRequirements, List<DeployedDecisionMetadata> decisions,
    List<DeployedFormMetadata> forms)
    implements RecordValue {

  /** {@code duplicate} is true when an identical latest version was reused instead of created. */
  public record DeployedProcessMetadata(
      String bpmnProcessId, int version, long processDefinitionKey, String resourceName, boolean duplicate) {}

  /** {@code duplicate} as for processes: the resource equals the latest version and was reused. */
  public record DeployedDecisionRequirementsMetadata(String decisionRequirementsId, int version,
      long decisionRequirementsKey, String resourceName, boolean duplicate) {}

  public record DeployedDecisionMetadata(String decisionId, int version, long decisionKey,
      long decisionRequirementsKey, boolean duplicate) {}

  /** {@code duplicate} as for processes: the resource equals the latest version and was reused. */
  public record DeployedFormMetadata(String formId, int version, long formKey, String resourceName,
      boolean duplicate) {}
}
