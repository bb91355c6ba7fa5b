package dev.engranaje.engine.record;

import java.util.List;

/** A deployment: its resource names and the process definitions it produced or reused. */
public record DeploymentRecord(List<String> resourceNames, List<DeployedProcessMetadata> processes, String tenantId)
    implements RecordValue {

  /** {@code duplicate} is true when an identical latest version was reused instead of created. */
  public record DeployedProcessMetadata(
      String bpmnProcessId, int version, long processDefinitionKey, String resourceName, boolean duplicate) {}
}
