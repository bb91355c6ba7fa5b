package dev.engranaje.engine.state;

import dev.engranaje.engine.record.ProcessMessageSubscriptionRecord;
import java.util.TreeMap;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Open message subscriptions of element instances, indexed by message name and correlation key
 * (oldest first) and by the element instance that opened them. Written only by the {@link
 * EventApplier}.
 */
public final class SubscriptionState implements SnapshotPart<SubscriptionState.Image> {
  /** Open message subscriptions by key. */
  public record Image(Map<Long, ProcessMessageSubscriptionRecord> subscriptions) {}

  private final Map<Long, ProcessMessageSubscriptionRecord> byKey = new HashMap<>();
  private final Map<String, LinkedHashSet<Long>> byNameAndKey = new HashMap<>();
  private final Map<Long, LinkedHashSet<Long>> byElementInstance = new HashMap<>();

  public ProcessMessageSubscriptionRecord get(long key) {
    return byKey.get(key);
  }

  public Collection<ProcessMessageSubscriptionRecord> all() {
    return byKey.values();
  }

  /** Keys of the open subscriptions for a message name and correlation key, oldest first. */
  public List<Long> forMessage(String name, String correlationKey) {
    return List.copyOf(byNameAndKey.getOrDefault(nameAndKey(name, correlationKey), new LinkedHashSet<>()));
  }

  /** Keys of the open subscriptions an element instance opened, oldest first. */
  public List<Long> forElementInstance(long elementInstanceKey) {
    Set<Long> keys = byElementInstance.get(elementInstanceKey);
    return keys == null ? List.of() : List.copyOf(keys);
  }

  @Override
  public String snapshotName() {
    return "messageSubscriptions";
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
    new TreeMap<>(image.subscriptions()).forEach(this::put);
  }

  void put(long key, ProcessMessageSubscriptionRecord subscription) {
    byKey.put(key, subscription);
    byNameAndKey.computeIfAbsent(nameAndKey(subscription.messageName(), subscription.correlationKey()),
        k -> new LinkedHashSet<>()).add(key);
    byElementInstance.computeIfAbsent(subscription.elementInstanceKey(), k -> new LinkedHashSet<>()).add(key);
  }

  void remove(long key) {
    ProcessMessageSubscriptionRecord subscription = byKey.remove(key);
    if (subscription == null) {
      return;
    }
    String nameAndKey = nameAndKey(subscription.messageName(), subscription.correlationKey());
    removeFrom(byNameAndKey, nameAndKey, key);
    removeFrom(byElementInstance, subscription.elementInstanceKey(), key);
  }

  private static <K> void removeFrom(Map<K, LinkedHashSet<Long>> index, K indexKey, long key) {
    Set<Long> keys = index.get(indexKey);
    if (keys != null) {
      keys.remove(key);
      if (keys.isEmpty()) {
        index.remove(indexKey);
      }
    }
  }

  private static String nameAndKey(String name, String correlationKey) {
    return name + '\u0000' + correlationKey;
  }
}
