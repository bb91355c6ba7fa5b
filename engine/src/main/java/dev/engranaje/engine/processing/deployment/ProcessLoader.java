package dev.engranaje.engine.processing.deployment;

import dev.engranaje.engine.model.ExecutableProcess;
import dev.engranaje.engine.model.ProcessTransformer;
import dev.engranaje.engine.record.ProcessRecord;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Process;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds executable processes from stored process records. A process just deployed is handed over
 * directly; on recovery the stored BPMN is parsed again (it was validated when deployed).
 */
public final class ProcessLoader {
  private final ProcessTransformer transformer;
  private final Map<Long, ExecutableProcess> justDeployed = new HashMap<>();

  public ProcessLoader(ProcessTransformer transformer) {
    this.transformer = transformer;
  }

  /** Hands over a process built during deployment, so it is not parsed twice. */
  void handOver(ExecutableProcess process) {
    justDeployed.put(process.processDefinitionKey(), process);
  }

  public ExecutableProcess load(ProcessRecord record) {
    ExecutableProcess built = justDeployed.remove(record.processDefinitionKey());
    if (built != null) {
      return built;
    }
    BpmnModelInstance model = Bpmn.readModelFromStream(
        new ByteArrayInputStream(record.resource().getBytes(StandardCharsets.UTF_8)));
    for (Process process : ProcessTransformer.executableProcesses(model)) {
      if (process.getId().equals(record.bpmnProcessId())) {
        return transformer.transform(process, record.version(), record.processDefinitionKey(), record.resourceName(),
            record.tenantId());
      }
    }
    throw new IllegalStateException("Expected stored resource '" + record.resourceName() + "' to contain process '"
        + record.bpmnProcessId() + "', but it does not");
  }
}
