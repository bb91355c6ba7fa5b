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
  /** {@code highestVersionById} keeps the versions of deleted definitions, which are never given again. */
  public record Image(List<ProcessRecord> processes, Map<Long, Long> deploymentKeyByProcessKey,
      Map<String, Integer> highestVersionById) {}

  /** A deployed definition: the record as stored and the graph built from it. */
  public record DeployedDefinition(ProcessRecord record, ExecutableProcess process) {}

  private final Map<Long, DeployedDefinition> byKey = new HashMap<>();
  private final Map<String, DeployedDefinition> latestById = new HashMap<>();
  private final Map<Long, Long> deploymentKeyByProcessKey = new HashMap<>();
  /** The highest version ever deployed per id: a deleted version's number is never given again. */
  private final Map<String, Integer> highestVersionById = new HashMap<>();

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

  /** The highest version ever deployed of the id, deleted ones included; 0 when none. */
  public int highestVersion(String bpmnProcessId) {
    return highestVersionById.getOrDefault(bpmnProcessId, 0);
  }

  /** Removes a deleted version; the latest becomes the highest version left, if any. */
  void remove(long processDefinitionKey) {
    DeployedDefinition removed = byKey.remove(processDefinitionKey);
    if (removed == null) {
      return;
    }
    String id = removed.record().bpmnProcessId();
    DeployedDefinition latest = latestById.get(id);
    if (latest != null && latest.record().processDefinitionKey() == processDefinitionKey) {
      latestById.remove(id);
      byKey.values().stream().filter(d -> d.record().bpmnProcessId().equals(id))
          .max(java.util.Comparator.comparingInt(d -> d.record().version()))
          .ifPresent(previous -> latestById.put(id, previous));
    }
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
        Map.copyOf(deploymentKeyByProcessKey), Map.copyOf(highestVersionById));
  }

  @Override
  public void restore(Image image, SnapshotContext context) {
    for (ProcessRecord record : image.processes()) {
      put(new DeployedDefinition(record, context.processLoader().apply(record)));
    }
    deploymentKeyByProcessKey.putAll(image.deploymentKeyByProcessKey());
    if (image.highestVersionById() != null) {
      image.highestVersionById().forEach((id, version) -> highestVersionById.merge(id, version, Math::max));
    }
  }

  void put(DeployedDefinition definition) {
    highestVersionById.merge(definition.record().bpmnProcessId(), definition.record().version(), Math::max);
    byKey.put(definition.record().processDefinitionKey(), definition);
    DeployedDefinition latest = latestById.get(definition.record().bpmnProcessId());
    if (latest == null || latest.record().version() < definition.record().version()) {
      latestById.put(definition.record().bpmnProcessId(), definition);
    }
  }
}
