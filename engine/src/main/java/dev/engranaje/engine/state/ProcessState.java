package dev.engranaje.engine.state;

import dev.engranaje.engine.model.ExecutableProcess;
import dev.engranaje.engine.record.ProcessRecord;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Deployed process definitions: by key, and the latest version per BPMN process id. */
public final class ProcessState implements SnapshotPart<ProcessState.Image> {
  /** Deployed process records (graphs are rebuilt from them) and which deployment made each. */
  public record Image(List<ProcessRecord> processes, Map<Long, Long> deploymentKeyByProcessKey) {}

  /** A deployed definition: the record as stored and the graph built from it. */
  public record DeployedDefinition(ProcessRecord record, ExecutableProcess process) {}

  private final Map<Long, DeployedDefinition> byKey = new HashMap<>();
  private final Map<String, DeployedDefinition> latestById = new HashMap<>();
  private final Map<Long, Long> deploymentKeyByProcessKey = new HashMap<>();

  public DeployedDefinition byKey(long key) {
    return byKey.get(key);
  }

  public DeployedDefinition latest(String bpmnProcessId) {
    return latestById.get(bpmnProcessId);
  }

  public DeployedDefinition version(String bpmnProcessId, int version) {
    return byKey.values().stream()
        .filter(d -> d.record().bpmnProcessId().equals(bpmnProcessId) && d.record().version() == version)
        .findFirst()
        .orElse(null);
  }

  /** The deployment that created a process version, or -1 when unknown (logs from before it was kept). */
  public long deploymentKeyOf(long processDefinitionKey) {
    return deploymentKeyByProcessKey.getOrDefault(processDefinitionKey, -1L);
  }

  void deployedBy(long processDefinitionKey, long deploymentKey) {
    deploymentKeyByProcessKey.put(processDefinitionKey, deploymentKey);
  }

  public Collection<DeployedDefinition> all() {
    return byKey.values();
  }

  @Override
  public String snapshotName() {
    return "processes";
  }

  @Override
  public Class<Image> imageType() {
    return Image.class;
  }

  @Override
  public Image capture(long finishedSince) {
    return new Image(byKey.values().stream().map(DeployedDefinition::record)
        .sorted(Comparator.comparingLong(ProcessRecord::processDefinitionKey)).toList(),
        Map.copyOf(deploymentKeyByProcessKey));
  }

  @Override
  public void restore(Image image, SnapshotContext context) {
    for (ProcessRecord record : image.processes()) {
      put(new DeployedDefinition(record, context.processLoader().apply(record)));
    }
    deploymentKeyByProcessKey.putAll(image.deploymentKeyByProcessKey());
  }

  void put(DeployedDefinition definition) {
    byKey.put(definition.record().processDefinitionKey(), definition);
    DeployedDefinition latest = latestById.get(definition.record().bpmnProcessId());
    if (latest == null || latest.record().version() < definition.record().version()) {
      latestById.put(definition.record().bpmnProcessId(), definition);
    }
  }
}
