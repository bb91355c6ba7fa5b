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
  /** The live tasks, oldest first (ended ones are history: the projection keeps them). */
  public record Image(List<UserTaskRecord> live) {}

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
  public Image capture() {
    return new Image(byKey.values().stream().filter(task -> liveByElementInstance.get(task.elementInstanceKey()) != null
        && liveByElementInstance.get(task.elementInstanceKey()) == task.userTaskKey()).toList());
  }

  @Override
  public void restore(Image image, SnapshotContext context) {
    image.live().forEach(task -> put(task, true));
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
