package dev.engranaje.engine.state;

import dev.engranaje.engine.record.TimerRecord;
import java.util.TreeMap;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Armed timers, ordered by due date, and by the element instance that owns them. */
public final class TimerState implements SnapshotPart<TimerState.Image> {
  /** Armed timers by key. */
  public record Image(Map<Long, TimerRecord> timers) {}

  private final Map<Long, TimerRecord> byKey = new HashMap<>();
  private final Map<Long, Set<Long>> byElementInstance = new HashMap<>();
  private final DueIndex due = new DueIndex();

  public TimerRecord get(long key) {
    return byKey.get(key);
  }

  public Collection<TimerRecord> all() {
    return byKey.values();
  }

  public List<Long> forElementInstance(long elementInstanceKey) {
    return List.copyOf(byElementInstance.getOrDefault(elementInstanceKey, Set.of()));
  }

  public List<Long> dueAt(long now) {
    return due.dueAt(now);
  }

  public long nextDueDate() {
    return due.next();
  }

  @Override
  public String snapshotName() {
    return "timers";
  }

  @Override
  public Class<Image> imageType() {
    return Image.class;
  }

  @Override
  public Image capture(long finishedSince) {
    return new Image(new TreeMap<>(byKey));
  }

  @Override
  public void restore(Image image, SnapshotContext context) {
    new TreeMap<>(image.timers()).forEach(this::put);
  }

  void put(long key, TimerRecord timer) {
    byKey.put(key, timer);
    byElementInstance.computeIfAbsent(timer.elementInstanceKey(), k -> new LinkedHashSet<>()).add(key);
    due.add(timer.dueDate(), key);
  }

  void remove(long key) {
    TimerRecord timer = byKey.remove(key);
    if (timer == null) {
      return;
    }
    Set<Long> keys = byElementInstance.get(timer.elementInstanceKey());
    if (keys != null) {
      keys.remove(key);
      if (keys.isEmpty()) {
        byElementInstance.remove(timer.elementInstanceKey());
      }
    }
    due.remove(timer.dueDate(), key);
  }
}
