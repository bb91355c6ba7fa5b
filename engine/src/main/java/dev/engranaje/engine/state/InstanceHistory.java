package dev.engranaje.engine.state;

import java.util.List;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** A summary of every process instance, running or finished, for lookups and search. */
public final class InstanceHistory implements SnapshotPart<InstanceHistory.Image> {
  /** A summary as stored in a snapshot. */
  public record SummaryImage(long key, String bpmnProcessId, int version, long processDefinitionKey, long startTime,
      long parentProcessInstanceKey, long parentElementInstanceKey, String tenantId, int activeIncidents,
      String state, long endTime) {}

  /** The summaries of active instances and of those that finished within the retention. */
  public record Image(List<SummaryImage> active) {}

  /** The summary of one process instance; state is ACTIVE, COMPLETED or TERMINATED. */
  public static final class Summary {
    private final long key;
    // replaced when the instance is migrated to another process definition
    private String bpmnProcessId;
    private int version;
    private long processDefinitionKey;
    private final long startTime;
    private final long parentProcessInstanceKey;
    private final long parentElementInstanceKey;
    private final String tenantId;
    private String state = "ACTIVE";
    private long endTime = -1;
    private int activeIncidents;

    Summary(long key, String bpmnProcessId, int version, long processDefinitionKey, long startTime,
        long parentProcessInstanceKey, long parentElementInstanceKey, String tenantId) {
      this.key = key;
      this.bpmnProcessId = bpmnProcessId;
      this.version = version;
      this.processDefinitionKey = processDefinitionKey;
      this.startTime = startTime;
      this.parentProcessInstanceKey = parentProcessInstanceKey;
      this.parentElementInstanceKey = parentElementInstanceKey;
      this.tenantId = tenantId;
    }

    public long key() {
      return key;
    }

    public String bpmnProcessId() {
      return bpmnProcessId;
    }

    public int version() {
      return version;
    }

    public long processDefinitionKey() {
      return processDefinitionKey;
    }

    public long startTime() {
      return startTime;
    }

    public long parentProcessInstanceKey() {
      return parentProcessInstanceKey;
    }

    public long parentElementInstanceKey() {
      return parentElementInstanceKey;
    }

    public String tenantId() {
      return tenantId;
    }

    public String state() {
      return state;
    }

    public long endTime() {
      return endTime;
    }

    public boolean hasIncident() {
      return activeIncidents > 0;
    }
  }

  private final Map<Long, Summary> byKey = new LinkedHashMap<>();

  public Summary get(long processInstanceKey) {
    return byKey.get(processInstanceKey);
  }

  public Collection<Summary> all() {
    return byKey.values();
  }

  @Override
  public String snapshotName() {
    return "instances";
  }

  @Override
  public Class<Image> imageType() {
    return Image.class;
  }

  @Override
  public Image capture(long finishedSince) {
    return new Image(byKey.values().stream().filter(s -> s.endTime < 0 || s.endTime >= finishedSince)
        .map(s -> new SummaryImage(s.key, s.bpmnProcessId, s.version, s.processDefinitionKey, s.startTime,
            s.parentProcessInstanceKey, s.parentElementInstanceKey, s.tenantId, s.activeIncidents, s.state, s.endTime))
        .toList());
  }

  @Override
  public void restore(Image image, SnapshotContext context) {
    for (SummaryImage s : image.active()) {
      Summary summary = new Summary(s.key(), s.bpmnProcessId(), s.version(), s.processDefinitionKey(), s.startTime(),
          s.parentProcessInstanceKey(), s.parentElementInstanceKey(), s.tenantId());
      summary.activeIncidents = s.activeIncidents();
      summary.state = s.state();
      summary.endTime = s.endTime();
      started(summary);
    }
  }

  void started(Summary summary) {
    byKey.put(summary.key, summary);
  }

  void migrated(long key, String bpmnProcessId, int version, long processDefinitionKey) {
    Summary summary = byKey.get(key);
    if (summary != null) {
      summary.bpmnProcessId = bpmnProcessId;
      summary.version = version;
      summary.processDefinitionKey = processDefinitionKey;
    }
  }

  void ended(long key, String state, long endTime) {
    Summary summary = byKey.get(key);
    if (summary != null) {
      summary.state = state;
      summary.endTime = endTime;
    }
  }

  void incidentCreated(long processInstanceKey) {
    Summary summary = byKey.get(processInstanceKey);
    if (summary != null) {
      summary.activeIncidents++;
    }
  }

  void incidentResolved(long processInstanceKey) {
    Summary summary = byKey.get(processInstanceKey);
    if (summary != null && summary.activeIncidents > 0) {
      summary.activeIncidents--;
    }
  }
}
