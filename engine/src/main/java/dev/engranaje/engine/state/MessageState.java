package dev.engranaje.engine.state;

import dev.engranaje.engine.record.MessageRecord;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Buffered messages (TTL > 0) until they expire, with a duplicate check on message id. */
public final class MessageState implements SnapshotPart<MessageState.Image> {
  /** One buffered message. */
  public record Buffered(long key, MessageRecord message, Set<String> correlatedProcesses) {}

  /** Buffered messages (oldest first) and the correlation-key tags of message-started instances. */
  public record Image(List<Buffered> messages, Map<Long, String> startedTags) {}

  private final Map<Long, MessageRecord> byKey = new LinkedHashMap<>();
  private final Map<String, LinkedHashSet<Long>> byNameAndKey = new HashMap<>();
  private final Map<String, LinkedHashSet<Long>> byName = new HashMap<>();
  private final Set<String> messageIds = new HashSet<>();
  private final DueIndex expiry = new DueIndex();
  /** For each buffered message, the bpmnProcessIds it has correlated to (once per process id). */
  private final Map<Long, Set<String>> correlatedProcesses = new HashMap<>();
  /** Process instances started by a message with a non-empty correlation key: instance key to (process id, key). */
  private final Map<Long, String> startedTags = new HashMap<>();
  /** How many active instances carry each tag, so that the check on each publication is a lookup. */
  private final Map<String, Integer> activeTags = new HashMap<>();

  public MessageRecord get(long key) {
    return byKey.get(key);
  }

  public Collection<MessageRecord> all() {
    return byKey.values();
  }

  /** Buffered messages with this name and correlation key, oldest first. */
  public Set<Long> buffered(String name, String correlationKey) {
    Set<Long> keys = byNameAndKey.get(nameAndKey(name, correlationKey));
    return keys == null ? Set.of() : keys;
  }

  /** Buffered messages with this name, whatever their correlation key, oldest (lowest key) first. */
  public Set<Long> buffered(String name) {
    Set<Long> keys = byName.get(name);
    return keys == null ? Set.of() : keys;
  }

  /** Whether a buffered message has already correlated to an instance of this process id. */
  public boolean hasCorrelated(long key, String bpmnProcessId) {
    Set<String> processes = correlatedProcesses.get(key);
    return processes != null && processes.contains(bpmnProcessId);
  }

  public boolean isDuplicate(String name, String correlationKey, String messageId) {
    return messageId != null && !messageId.isEmpty() && messageIds.contains(idKey(name, correlationKey, messageId));
  }

  public List<Long> expired(long now) {
    return expiry.dueAt(now);
  }

  public long nextExpiry() {
    return expiry.next();
  }

  @Override
  public String snapshotName() {
    return "messages";
  }

  @Override
  public Class<Image> imageType() {
    return Image.class;
  }

  @Override
  public Image capture(long finishedSince) {
    List<Buffered> messages = byKey.entrySet().stream().map(e -> new Buffered(e.getKey(), e.getValue(),
        new TreeSet<>(correlatedProcesses.getOrDefault(e.getKey(), Set.of())))).toList();
    return new Image(messages, new HashMap<>(startedTags));
  }

  @Override
  public void restore(Image image, SnapshotContext context) {
    for (Buffered buffered : image.messages()) {
      buffer(buffered.key(), buffered.message());
      if (!buffered.correlatedProcesses().isEmpty()) {
        correlatedProcesses.put(buffered.key(), new HashSet<>(buffered.correlatedProcesses()));
      }
    }
    image.startedTags().forEach((instance, tag) -> {
      startedTags.put(instance, tag);
      activeTags.merge(tag, 1, Integer::sum);
    });
  }

  void buffer(long key, MessageRecord message) {
    byKey.put(key, message);
    byNameAndKey.computeIfAbsent(nameAndKey(message.name(), message.correlationKey()), k -> new LinkedHashSet<>()).add(key);
    byName.computeIfAbsent(message.name(), k -> new LinkedHashSet<>()).add(key);
    if (message.messageId() != null && !message.messageId().isEmpty()) {
      messageIds.add(idKey(message.name(), message.correlationKey(), message.messageId()));
    }
    expiry.add(message.deadline(), key);
  }

  void correlated(long key, String bpmnProcessId) {
    if (byKey.containsKey(key)) {
      correlatedProcesses.computeIfAbsent(key, k -> new HashSet<>()).add(bpmnProcessId);
    }
  }

  void remove(long key) {
    correlatedProcesses.remove(key);
    MessageRecord message = byKey.remove(key);
    if (message == null) {
      return;
    }
    removeFrom(byNameAndKey, nameAndKey(message.name(), message.correlationKey()), key);
    removeFrom(byName, message.name(), key);
    if (message.messageId() != null) {
      messageIds.remove(idKey(message.name(), message.correlationKey(), message.messageId()));
    }
    expiry.remove(message.deadline(), key);
  }

  private static void removeFrom(Map<String, LinkedHashSet<Long>> index, String indexKey, long key) {
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

  private static String idKey(String name, String correlationKey, String messageId) {
    return nameAndKey(name, correlationKey) + '\u0000' + messageId;
  }

  private static String tag(String bpmnProcessId, String correlationKey) {
    return bpmnProcessId + '\u0000' + correlationKey;
  }

  /** A message start event created an instance tagged with the message's correlation key. */
  public void startedInstance(long processInstanceKey, String bpmnProcessId, String correlationKey) {
    String tag = tag(bpmnProcessId, correlationKey);
    String previous = startedTags.put(processInstanceKey, tag);
    if (previous != null) {
      untag(previous);
    }
    activeTags.merge(tag, 1, Integer::sum);
  }

  /** The instance ended; its tag no longer blocks messages with its correlation key. */
  public void instanceEnded(long processInstanceKey) {
    String tag = startedTags.remove(processInstanceKey);
    if (tag != null) {
      untag(tag);
    }
  }

  /** Whether an instance of the process tagged with this correlation key is active. */
  public boolean hasActiveInstance(String bpmnProcessId, String correlationKey) {
    return activeTags.containsKey(tag(bpmnProcessId, correlationKey));
  }

  /** Whether the instance was started by a message with a correlation key. */
  public boolean isTagged(long processInstanceKey) {
    return startedTags.containsKey(processInstanceKey);
  }

  private void untag(String tag) {
    activeTags.computeIfPresent(tag, (t, count) -> count == 1 ? null : count - 1);
  }
}
