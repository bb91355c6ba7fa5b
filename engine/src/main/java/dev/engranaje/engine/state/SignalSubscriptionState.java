package dev.engranaje.engine.state;

import dev.engranaje.engine.record.SignalSubscriptionRecord;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Open signal subscriptions, oldest first, indexed by the element instance that opened them (-1
 * for start events). Written only by the {@link EventApplier}.
 */
public final class SignalSubscriptionState implements SnapshotPart<SignalSubscriptionState.Image> {
  /** One open signal subscription. */
  public record Entry(long key, SignalSubscriptionRecord subscription) {}

  /** Open signal subscriptions, oldest first. */
  public record Image(List<Entry> subscriptions) {}

  private final Map<Long, SignalSubscriptionRecord> byKey = new LinkedHashMap<>();
  private final Map<Long, LinkedHashSet<Long>> byElementInstance = new HashMap<>();

  public SignalSubscriptionRecord get(long key) {
    return byKey.get(key);
  }

  /** Keys of the open subscriptions to a signal name, oldest first. */
  public List<Long> forSignal(String name) {
    return byKey.entrySet().stream().filter(e -> e.getValue().signalName().equals(name)).map(Map.Entry::getKey).toList();
  }

  /** Keys of the open subscriptions an element instance opened (-1: start events), oldest first. */
  public List<Long> forElementInstance(long elementInstanceKey) {
    Set<Long> keys = byElementInstance.get(elementInstanceKey);
    return keys == null ? List.of() : List.copyOf(keys);
  }

  @Override
  public String snapshotName() {
    return "signalSubscriptions";
  }

  @Override
  public Class<Image> imageType() {
    return Image.class;
  }

  @Override
  public Image capture(long finishedSince) {
    return new Image(byKey.entrySet().stream().map(e -> new Entry(e.getKey(), e.getValue())).toList());
  }

  @Override
  public void restore(Image image, SnapshotContext context) {
    image.subscriptions().forEach(entry -> put(entry.key(), entry.subscription()));
  }

  void put(long key, SignalSubscriptionRecord subscription) {
    byKey.put(key, subscription);
    byElementInstance.computeIfAbsent(subscription.catchEventInstanceKey(), k -> new LinkedHashSet<>()).add(key);
  }

  void remove(long key) {
    SignalSubscriptionRecord subscription = byKey.remove(key);
    if (subscription == null) {
      return;
    }
    Set<Long> keys = byElementInstance.get(subscription.catchEventInstanceKey());
    if (keys != null) {
      keys.remove(key);
      if (keys.isEmpty()) {
        byElementInstance.remove(subscription.catchEventInstanceKey());
      }
    }
  }
}
