package dev.engranaje.engine.state;

import dev.engranaje.engine.record.FormRecord;
import java.util.List;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Deployed forms: by key, the latest version per form id, and the lookups of a user task's form
 * bindings (deployment, version tag). Not thread-safe: owned by the processing thread.
 */
public final class FormState implements SnapshotPart<FormState.Image> {
  /** Deployed forms and per deployment the form keys by form id. */
  public record Image(List<FormRecord> forms, Map<Long, Map<String, Long>> formKeysByDeployment) {}

  private final Map<Long, FormRecord> byKey = new HashMap<>();
  private final Map<String, FormRecord> latestById = new HashMap<>();
  /** Per deployment, the form keys it deployed or reused as duplicates, by form id. */
  private final Map<Long, Map<String, Long>> formKeysByDeployment = new HashMap<>();

  /** The form version with this key, or null. */
  public FormRecord byKey(long formKey) {
    return byKey.get(formKey);
  }

  /** The latest version of a form, or null when none is deployed. */
  public FormRecord latest(String formId) {
    return latestById.get(formId);
  }

  /** The newest version of a form whose schema carries the version tag, or null. */
  public FormRecord withVersionTag(String formId, String versionTag) {
    return byKey.values().stream()
        .filter(f -> f.formId().equals(formId) && Objects.equals(f.versionTag(), versionTag))
        .max((a, b) -> Integer.compare(a.version(), b.version()))
        .orElse(null);
  }

  /** The version of a form that a deployment deployed (or reused), or null. */
  public FormRecord inDeployment(long deploymentKey, String formId) {
    Long key = formKeysByDeployment.getOrDefault(deploymentKey, Map.of()).get(formId);
    return key == null ? null : byKey.get(key);
  }

  @Override
  public String snapshotName() {
    return "forms";
  }

  @Override
  public Class<Image> imageType() {
    return Image.class;
  }

  @Override
  public Image capture(long finishedSince) {
    return new Image(byKey.values().stream().sorted(Comparator.comparingLong(FormRecord::formKey)).toList(),
        DecisionState.copyOfNested(formKeysByDeployment));
  }

  @Override
  public void restore(Image image, SnapshotContext context) {
    image.forms().forEach(this::put);
    image.formKeysByDeployment().forEach((deployment, keys) -> formKeysByDeployment.put(deployment, new HashMap<>(keys)));
  }

  void put(FormRecord record) {
    byKey.put(record.formKey(), record);
    latestById.merge(record.formId(), record, (old, added) -> added.version() > old.version() ? added : old);
  }

  void deployedInDeployment(long deploymentKey, String formId, long formKey) {
    formKeysByDeployment.computeIfAbsent(deploymentKey, k -> new HashMap<>()).put(formId, formKey);
  }
}
