package dev.engranaje.engine.processing.deployment;

import dev.engranaje.engine.gateway.DeploymentResource;
import dev.engranaje.engine.gateway.Rejection;
import dev.engranaje.engine.gateway.RejectionType;
import dev.engranaje.engine.model.ExecutableProcess;
import dev.engranaje.engine.model.ProcessTransformer;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Process;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Does the expensive, state-free part of a deployment on the caller's thread (a REST request
 * thread), before the command reaches the single processor thread: it checks the size limit, reads
 * and validates each BPMN resource and transforms its processes. A large model thus no longer
 * stalls every other command; the processor only checks versions, assigns keys and writes (spec §1
 * atomicity is kept: nothing is written unless every resource passes). Stateless and thread-safe.
 */
public final class DeploymentPreparer {
  static final String TOO_LARGE = "Expected the resources of a deployment to be at most %d bytes in total"
      + " (raise it with --max-deployment-size), but they are %d bytes";

  private final BpmnResourceReader reader;
  private final ProcessTransformer transformer;
  private final long maxDeploymentBytes;

  public DeploymentPreparer(BpmnResourceReader reader, ProcessTransformer transformer, long maxDeploymentBytes) {
    this.reader = reader;
    this.transformer = transformer;
    this.maxDeploymentBytes = maxDeploymentBytes;
  }

  /**
   * @throws Rejection INVALID_ARGUMENT naming the resource (and element) when anything is wrong
   */
  public PreparedDeployment prepare(List<DeploymentResource> resources, String tenantId) {
    if (resources == null || resources.isEmpty()) {
      throw new Rejection(RejectionType.INVALID_ARGUMENT, "Expected to deploy at least one resource, but none was given");
    }
    long total = resources.stream().mapToLong(resource -> resource.content().length).sum();
    if (total > maxDeploymentBytes) {
      throw new Rejection(RejectionType.INVALID_ARGUMENT, String.format(TOO_LARGE, maxDeploymentBytes, total));
    }
    List<PreparedDeployment.Resource> prepared = new ArrayList<>();
    Set<String> idsInDeployment = new HashSet<>();
    for (DeploymentResource resource : resources) {
      String name = resource.name();
      boolean bpmn = name.endsWith(".bpmn") || name.endsWith(".xml");
      List<ExecutableProcess> processes = bpmn ? transform(resource, tenantId, idsInDeployment) : List.of();
      prepared.add(new PreparedDeployment.Resource(resource, bpmn, processes, checksum(resource.content())));
    }
    return new PreparedDeployment(prepared);
  }

  private List<ExecutableProcess> transform(DeploymentResource resource, String tenantId, Set<String> idsInDeployment) {
    BpmnModelInstance model = reader.read(resource.name(), resource.content());
    List<Process> processes = ProcessTransformer.executableProcesses(model);
    if (processes.isEmpty()) {
      throw new Rejection(RejectionType.INVALID_ARGUMENT, "Expected resource '" + resource.name()
          + "' to contain at least one executable process (isExecutable=\"true\"), but it contains none");
    }
    List<ExecutableProcess> result = new ArrayList<>();
    for (Process process : processes) {
      if (!idsInDeployment.add(process.getId())) {
        throw new Rejection(RejectionType.INVALID_ARGUMENT, "Expected process ids to be unique in a deployment, but '"
            + process.getId() + "' is defined twice (in '" + resource.name() + "')");
      }
      try {
        result.add(transformer.transform(process, 0, -1, resource.name(), tenantId));
      } catch (IllegalArgumentException e) {
        throw new Rejection(RejectionType.INVALID_ARGUMENT, "'" + resource.name() + "': " + e.getMessage());
      }
    }
    return result;
  }

  static String checksum(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
    }
  }
}
