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

/** Buffered messages (TTL > 0) until they expire, with a duplicate check on message id. */
public final class MessageState {
  private final Map<Long, MessageRecord> byKey = new LinkedHashMap<>();
  private final Map<String, LinkedHashSet<Long>> byNameAndKey = new HashMap<>();
  private final Set<String> messageIds = new HashSet<>();
  private final DueIndex expiry = new DueIndex();
  /** For each buffered message, the bpmnProcessIds it has correlated to (once per process id). */
  private final Map<Long, Set<String>> correlatedProcesses = new HashMap<>();

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

  void buffer(long key, MessageRecord message) {
    byKey.put(key, message);
    byNameAndKey.computeIfAbsent(nameAndKey(message.name(), message.correlationKey()), k -> new LinkedHashSet<>()).add(key);
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
    String nameAndKey = nameAndKey(message.name(), message.correlationKey());
    Set<Long> keys = byNameAndKey.get(nameAndKey);
    if (keys != null) {
      keys.remove(key);
      if (keys.isEmpty()) {
        byNameAndKey.remove(nameAndKey);
      }
    }
    if (message.messageId() != null) {
      messageIds.remove(idKey(message.name(), message.correlationKey(), message.messageId()));
    }
    expiry.remove(message.deadline(), key);
  }

  private static String nameAndKey(String name, String correlationKey) {
    return name + '\u0000' + correlationKey;
  }

  private static String idKey(String name, String correlationKey, String messageId) {
    return nameAndKey(name, correlationKey) + '\u0000' + messageId;
  }

  /** Process instances started by a message with a non-empty correlation key: instance key to (process id, key). */
  private final java.util.Map<Long, String> startedTags = new java.util.HashMap<>();

  private static String tag(String bpmnProcessId, String correlationKey) {
    return bpmnProcessId + "\u0000" + correlationKey;
  }

  /** A message start event created an instance tagged with the message's correlation key. */
  public void startedInstance(long processInstanceKey, String bpmnProcessId, String correlationKey) {
    startedTags.put(processInstanceKey, tag(bpmnProcessId, correlationKey));
  }

  /** The instance ended; its tag no longer blocks messages with its correlation key. */
  public void instanceEnded(long processInstanceKey) {
    startedTags.remove(processInstanceKey);
  }

  /** Whether an instance of the process tagged with this correlation key is active. */
  public boolean hasActiveInstance(String bpmnProcessId, String correlationKey) {
    return startedTags.containsValue(tag(bpmnProcessId, correlationKey));
  }

  /** Whether the instance was started by a message with a correlation key. */
  public boolean isTagged(long processInstanceKey) {
    return startedTags.containsKey(processInstanceKey);
  }
}
