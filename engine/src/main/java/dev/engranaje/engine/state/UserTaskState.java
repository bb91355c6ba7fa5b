package dev.engranaje.engine.state;

import dev.engranaje.engine.record.UserTaskRecord;
import java.util.List;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Camunda user tasks by key, oldest first, with the live task of each element instance. Ended
 * (completed or canceled) tasks are kept, like the instance history, so searches can show them.
 * Not thread-safe: owned by the processing thread.
 */
public final class UserTaskState implements SnapshotPart<UserTaskState.Image> {
  /** One task and whether it is live. */
  public record Task(UserTaskRecord task, boolean live) {}

  /** Live tasks, and ended ones that ended within the retention, oldest first. */
  public record Image(List<Task> tasks) {}

  private final Map<Long, UserTaskRecord> byKey = new LinkedHashMap<>();
  private final Map<Long, Long> liveByElementInstance = new HashMap<>();

  public UserTaskRecord get(long key) {
    return byKey.get(key);
  }

  /** The live (not ended) task of an element instance, or null. */
  public UserTaskRecord liveOf(long elementInstanceKey) {
    Long key = liveByElementInstance.get(elementInstanceKey);
    return key == null ? null : byKey.get(key);
  }

  public Collection<UserTaskRecord> all() {
    return Collections.unmodifiableCollection(byKey.values());
  }

  @Override
  public String snapshotName() {
    return "userTasks";
  }

  @Override
  public Class<Image> imageType() {
    return Image.class;
  }

  @Override
  public Image capture(long finishedSince) {
    return new Image(byKey.values().stream().map(task -> new Task(task, isLive(task)))
        .filter(task -> task.live()
            || Math.max(task.task().completionTimestamp(), task.task().creationTimestamp()) >= finishedSince).toList());
  }

  @Override
  public void restore(Image image, SnapshotContext context) {
    image.tasks().forEach(task -> put(task.task(), task.live()));
  }

  private boolean isLive(UserTaskRecord task) {
    Long live = liveByElementInstance.get(task.elementInstanceKey());
    return live != null && live == task.userTaskKey();
  }

  void put(UserTaskRecord task, boolean live) {
    byKey.put(task.userTaskKey(), task);
    if (live) {
      liveByElementInstance.put(task.elementInstanceKey(), task.userTaskKey());
    } else {
      liveByElementInstance.remove(task.elementInstanceKey());
    }
  }
}
