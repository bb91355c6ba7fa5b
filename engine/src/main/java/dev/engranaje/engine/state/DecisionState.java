package dev.engranaje.engine.state;

import dev.engranaje.engine.record.DecisionRecord;
import dev.engranaje.engine.record.DecisionRequirementsRecord;
import java.util.List;
import java.util.Comparator;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Deployed decision requirements graphs and decisions: by key, the latest version per id, and the
 * lookups of the business rule task's bindings (deployment, version tag).
 */
public final class DecisionState implements SnapshotPart<DecisionState.Image> {
  /** Deployed graphs and decisions, and per deployment the decision keys by decision id. */
  public record Image(List<DecisionRequirementsRecord> requirements, List<DecisionRecord> decisions,
      Map<Long, Map<String, Long>> decisionKeysByDeployment) {}

  private final Map<Long, DecisionRequirementsRecord> requirementsByKey = new HashMap<>();
  private final Map<String, DecisionRequirementsRecord> latestRequirementsById = new HashMap<>();
  private final Map<Long, DecisionRecord> decisionsByKey = new HashMap<>();
  private final Map<String, DecisionRecord> latestDecisionById = new HashMap<>();
  /** Per deployment, the decision keys it deployed or reused as duplicates, by decision id. */
  private final Map<Long, Map<String, Long>> decisionKeysByDeployment = new HashMap<>();

  public DecisionRequirementsRecord requirements(long decisionRequirementsKey) {
    return requirementsByKey.get(decisionRequirementsKey);
  }

  public DecisionRequirementsRecord latestRequirements(String decisionRequirementsId) {
    return latestRequirementsById.get(decisionRequirementsId);
  }

  public DecisionRecord decision(long decisionKey) {
    return decisionsByKey.get(decisionKey);
  }

  public DecisionRecord latestDecision(String decisionId) {
    return latestDecisionById.get(decisionId);
  }

  /** The decisions of one graph version. */
  public Collection<DecisionRecord> decisionsOf(long decisionRequirementsKey) {
    return decisionsByKey.values().stream().filter(d -> d.decisionRequirementsKey() == decisionRequirementsKey)
        .toList();
  }

  /** The newest version of a decision that carries the version tag, or null. */
  public DecisionRecord decisionWithVersionTag(String decisionId, String versionTag) {
    return decisionsByKey.values().stream()
        .filter(d -> d.decisionId().equals(decisionId) && Objects.equals(d.versionTag(), versionTag))
        .max((a, b) -> Integer.compare(a.version(), b.version()))
        .orElse(null);
  }

  /** The version of a decision that a deployment deployed (or reused), or null. */
  public DecisionRecord decisionInDeployment(long deploymentKey, String decisionId) {
    Long key = decisionKeysByDeployment.getOrDefault(deploymentKey, Map.of()).get(decisionId);
    return key == null ? null : decisionsByKey.get(key);
  }

  @Override
  public String snapshotName() {
    return "decisions";
  }

  @Override
  public Class<Image> imageType() {
    return Image.class;
  }

  @Override
  public Image capture(long finishedSince) {
    return new Image(
        requirementsByKey.values().stream()
            .sorted(Comparator.comparingLong(DecisionRequirementsRecord::decisionRequirementsKey)).toList(),
        decisionsByKey.values().stream().sorted(Comparator.comparingLong(DecisionRecord::decisionKey)).toList(),
        copyOfNested(decisionKeysByDeployment));
  }

  @Override
  public void restore(Image image, SnapshotContext context) {
    image.requirements().forEach(this::putRequirements);
    image.decisions().forEach(this::putDecision);
    image.decisionKeysByDeployment().forEach((deployment, keys) -> decisionKeysByDeployment.put(deployment,
        new HashMap<>(keys)));
  }

  static Map<Long, Map<String, Long>> copyOfNested(Map<Long, Map<String, Long>> map) {
    Map<Long, Map<String, Long>> copy = new HashMap<>();
    map.forEach((key, inner) -> copy.put(key, Map.copyOf(inner)));
    return copy;
  }

  void putRequirements(DecisionRequirementsRecord record) {
    requirementsByKey.put(record.decisionRequirementsKey(), record);
    latestRequirementsById.merge(record.decisionRequirementsId(), record,
        (old, added) -> added.version() > old.version() ? added : old);
  }

  void putDecision(DecisionRecord record) {
    decisionsByKey.put(record.decisionKey(), record);
    latestDecisionById.merge(record.decisionId(), record, (old, added) -> added.version() > old.version() ? added : old);
  }

  void deployedInDeployment(long deploymentKey, String decisionId, long decisionKey) {
    decisionKeysByDeployment.computeIfAbsent(deploymentKey, k -> new HashMap<>()).put(decisionId, decisionKey);
  }
}
