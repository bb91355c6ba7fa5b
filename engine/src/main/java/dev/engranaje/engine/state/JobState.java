package dev.engranaje.engine.state;

import dev.engranaje.engine.record.JobRecord;
import java.util.Comparator;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Live jobs with indexes for activation (per type, oldest first), deadlines and backoffs. */
public final class JobState implements SnapshotPart<JobState.Image> {
  /** One live job. */
  public record JobImage(long key, JobRecord record, JobStatus status) {}

  /** Live jobs, and per type the activatable ones in the order they are handed out. */
  public record Image(List<JobImage> jobs, Map<String, List<Long>> activatableByType) {}

  private final Map<Long, Job> byKey = new HashMap<>();
  private final Map<String, LinkedHashSet<Long>> activatableByType = new HashMap<>();
  private final DueIndex deadlines = new DueIndex();
  private final DueIndex backoffs = new DueIndex();

  public Job get(long key) {
    return byKey.get(key);
  }

  public Collection<Job> all() {
    return byKey.values();
  }

  /** Activatable job keys of a type, oldest first (live view; copy before changing state). */
  public Set<Long> activatable(String type) {
    Set<Long> keys = activatableByType.get(type);
    return keys == null ? Set.of() : keys;
  }

  /** How many live jobs of each type have a status. */
  public Map<String, Integer> countByStatusAndType(JobStatus status) {
    Map<String, Integer> counts = new HashMap<>();
    for (Job job : byKey.values()) {
      if (job.status() == status) {
        counts.merge(job.record().type(), 1, Integer::sum);
      }
    }
    return counts;
  }

  public List<Long> deadlinePassed(long now) {
    return deadlines.dueAt(now);
  }

  public List<Long> backoffElapsed(long now) {
    return backoffs.dueAt(now);
  }

  public long nextDueTime() {
    return Math.min(deadlines.next(), backoffs.next());
  }

  @Override
  public String snapshotName() {
    return "jobs";
  }

  @Override
  public Class<Image> imageType() {
    return Image.class;
  }

  @Override
  public Image capture(long finishedSince) {
    List<JobImage> jobs = byKey.values().stream().sorted(Comparator.comparingLong(Job::key))
        .map(job -> new JobImage(job.key(), job.record(), job.status())).toList();
    Map<String, List<Long>> activatable = new HashMap<>();
    activatableByType.forEach((type, keys) -> activatable.put(type, List.copyOf(keys)));
    return new Image(jobs, activatable);
  }

  @Override
  public void restore(Image image, SnapshotContext context) {
    for (JobImage image1 : image.jobs()) {
      Job job = new Job(image1.key(), image1.record());
      job.update(image1.record(), image1.status());
      byKey.put(job.key(), job);
      if (job.status() != JobStatus.ACTIVATABLE) {
        index(job);
      }
    }
    image.activatableByType().forEach((type, keys) -> activatableByType.put(type, new LinkedHashSet<>(keys)));
  }

  void put(long key, JobRecord record, JobStatus status) {
    Job job = byKey.get(key);
    if (job == null) {
      job = new Job(key, record);
      byKey.put(key, job);
    } else {
      unindex(job);
    }
    job.update(record, status);
    index(job);
  }

  void remove(long key) {
    Job job = byKey.remove(key);
    if (job != null) {
      unindex(job);
    }
  }

  private void index(Job job) {
    switch (job.status()) {
      case ACTIVATABLE -> activatableByType.computeIfAbsent(job.record().type(), t -> new LinkedHashSet<>()).add(job.key());
      case ACTIVATED -> deadlines.add(job.record().deadline(), job.key());
      case FAILED -> {
        if (job.record().retries() > 0 && job.record().recurringTime() > 0) {
          backoffs.add(job.record().recurringTime(), job.key());
        }
      }
      case ERROR_THROWN -> {}
    }
  }

  private void unindex(Job job) {
    LinkedHashSet<Long> activatable = activatableByType.get(job.record().type());
    if (activatable != null) {
      activatable.remove(job.key());
      if (activatable.isEmpty()) {
        activatableByType.remove(job.record().type());
      }
    }
    deadlines.remove(job.record().deadline(), job.key());
    backoffs.remove(job.record().recurringTime(), job.key());
  }
}
