package dev.engranaje.engine.processing.deployment;

import dev.engranaje.engine.gateway.DeploymentResource;
import dev.engranaje.engine.model.ExecutableProcess;
import java.util.List;

/**
 * A deployment read, validated and transformed before it reaches the processor (see {@link
 * DeploymentPreparer}); the processor only assigns versions and keys and writes the records.
 * Immutable.
 *
 * @param resources every resource, in the order of the request
 */
public record PreparedDeployment(List<Resource> resources) {

  public PreparedDeployment {
    resources = List.copyOf(resources);
  }

  /**
   * One resource.
   *
   * @param processes for a BPMN resource its executable processes, transformed with version 0 and
   *     key -1; empty for DMN and forms, which the processor plans itself
   * @param checksum the SHA-256 of the content, hex
   */
  public record Resource(DeploymentResource resource, boolean bpmn, List<ExecutableProcess> processes,
      String checksum) {

    public Resource {
      processes = List.copyOf(processes);
    }
  }
}
