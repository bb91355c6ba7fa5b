package dev.engranaje.engine.state;

import dev.engranaje.engine.record.IncidentRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Incidents, active and resolved, with lookups by element instance and job. */
public final class IncidentState implements SnapshotPart<IncidentState.Image> {
  /** Active incidents, and resolved ones created within the retention, oldest first. */
  public record Image(List<IncidentEntry> incidents) {}

  /** An incident with its lifecycle facts. */
  public record IncidentEntry(long key, IncidentRecord record, long creationTime, boolean resolved) {}

  private final Map<Long, IncidentEntry> byKey = new LinkedHashMap<>();
  private final Map<Long, List<Long>> activeByElementInstance = new HashMap<>();
  private final Map<Long, Long> activeByJob = new HashMap<>();

  public IncidentEntry get(long key) {
    return byKey.get(key);
  }

  public Collection<IncidentEntry> all() {
    return byKey.values();
  }

  public List<Long> activeForElementInstance(long elementInstanceKey) {
    return List.copyOf(activeByElementInstance.getOrDefault(elementInstanceKey, List.of()));
  }

  public Long activeForJob(long jobKey) {
    return activeByJob.get(jobKey);
  }

  @Override
  public String snapshotName() {
    return "incidents";
  }

  @Override
  public Class<Image> imageType() {
    return Image.class;
  }

  @Override
  public Image capture(long finishedSince) {
    return new Image(byKey.values().stream()
        .filter(entry -> !entry.resolved() || entry.creationTime() >= finishedSince).toList());
  }

  @Override
  public void restore(Image image, SnapshotContext context) {
    for (IncidentEntry entry : image.incidents()) {
      created(entry.key(), entry.record(), entry.creationTime());
      if (entry.resolved()) {
        resolved(entry.key());
      }
    }
  }

  void created(long key, IncidentRecord record, long timestamp) {
    byKey.put(key, new IncidentEntry(key, record, timestamp, false));
    activeByElementInstance.computeIfAbsent(record.elementInstanceKey(), k -> new ArrayList<>()).add(key);
    if (record.jobKey() > 0) {
      activeByJob.put(record.jobKey(), key);
    }
  }

  /** The incident now names another process definition and element (migration); its lifecycle is unchanged. */
  void migrated(long key, IncidentRecord record) {
    IncidentEntry entry = byKey.get(key);
    if (entry != null) {
      byKey.put(key, new IncidentEntry(key, record, entry.creationTime(), entry.resolved()));
    }
  }

  void resolved(long key) {
    IncidentEntry entry = byKey.get(key);
    if (entry == null) {
      return;
    }
    byKey.put(key, new IncidentEntry(key, entry.record(), entry.creationTime(), true));
    List<Long> forElement = activeByElementInstance.get(entry.record().elementInstanceKey());
    if (forElement != null) {
      forElement.remove(key);
      if (forElement.isEmpty()) {
        activeByElementInstance.remove(entry.record().elementInstanceKey());
      }
    }
    activeByJob.remove(entry.record().jobKey(), key);
  }
}
