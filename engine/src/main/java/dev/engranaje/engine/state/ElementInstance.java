package dev.engranaje.engine.state;

import dev.engranaje.engine.record.ProcessInstanceRecord;
import java.util.HashMap;
import java.util.Map;

/** A live element instance: its record value, lifecycle state and bookkeeping for children and joins. */
public final class ElementInstance {
  /** Everything an element instance holds, for snapshots. */
  public record Image(long key, ProcessInstanceRecord value, ElementState state, int activeChildren,
      int waitingTokens, int activatedChildren, int completedChildren, int terminatedChildren, long jobKey,
      long calledInstanceKey, String pendingTrigger, Map<String, Map<String, Integer>> joinTokens) {}

  private final long key;
  /** Replaced only when the instance is migrated to another process definition. */
  private ProcessInstanceRecord value;
  private ElementState state = ElementState.ACTIVATING;
  private int activeChildren;
  private int waitingTokens;
  /** Children ever activated, completed and terminated in this scope (multi-instance counters). */
  private int activatedChildren;
  private int completedChildren;
  private int terminatedChildren;
  private long jobKey = -1;
  /** For call activities: the child process instance it created, or -1. */
  private long calledInstanceKey = -1;
  /** The element a trigger stored on this scope will activate (ProcessEvent TRIGGERING), or null. */
  private String pendingTrigger;
  /** Per parallel join: tokens that arrived on each incoming flow and wait to be consumed. */
  private final Map<String, Map<String, Integer>> joinTokens = new HashMap<>();

  ElementInstance(long key, ProcessInstanceRecord value) {
    this.key = key;
    this.value = value;
  }

  Image image() {
    Map<String, Map<String, Integer>> tokens = new HashMap<>();
    joinTokens.forEach((gateway, flows) -> tokens.put(gateway, Map.copyOf(flows)));
    return new Image(key, value, state, activeChildren, waitingTokens, activatedChildren, completedChildren,
        terminatedChildren, jobKey, calledInstanceKey, pendingTrigger, tokens);
  }

  static ElementInstance of(Image image) {
    ElementInstance instance = new ElementInstance(image.key(), image.value());
    instance.state = image.state();
    instance.activeChildren = image.activeChildren();
    instance.waitingTokens = image.waitingTokens();
    instance.activatedChildren = image.activatedChildren();
    instance.completedChildren = image.completedChildren();
    instance.terminatedChildren = image.terminatedChildren();
    instance.jobKey = image.jobKey();
    instance.calledInstanceKey = image.calledInstanceKey();
    instance.pendingTrigger = image.pendingTrigger();
    image.joinTokens().forEach((gateway, flows) -> instance.joinTokens.put(gateway, new HashMap<>(flows)));
    return instance;
  }

  public long key() {
    return key;
  }

  public ProcessInstanceRecord value() {
    return value;
  }

  public ElementState state() {
    return state;
  }

  public int activeChildren() {
    return activeChildren;
  }

  /** Tokens parked at parallel joins inside this scope; a scope with waiting tokens does not complete. */
  public int waitingTokens() {
    return waitingTokens;
  }

  /** Children activated in this scope so far, including those that have left. */
  public int activatedChildren() {
    return activatedChildren;
  }

  /** Children of this scope that completed. */
  public int completedChildren() {
    return completedChildren;
  }

  /** Children of this scope that were terminated. */
  public int terminatedChildren() {
    return terminatedChildren;
  }

  public long jobKey() {
    return jobKey;
  }

  /** For call activities: the key of the child process instance, or -1 when there is none. */
  public long calledInstanceKey() {
    return calledInstanceKey;
  }

  public long flowScopeKey() {
    return value.flowScopeKey();
  }

  public String elementId() {
    return value.elementId();
  }

  public long processInstanceKey() {
    return value.processInstanceKey();
  }

  /**
   * The element that a trigger recorded on this scope activates once the scope gets to it (a process
   * instance created at a message, timer or signal start event), or null.
   */
  public String pendingTrigger() {
    return pendingTrigger;
  }

  /** Tokens waiting at a join for one incoming flow. */
  public int joinTokens(String gatewayId, String flowId) {
    return joinTokens.getOrDefault(gatewayId, Map.of()).getOrDefault(flowId, 0);
  }

  void migrate(ProcessInstanceRecord migrated) {
    this.value = migrated;
  }

  void setState(ElementState state) {
    this.state = state;
  }

  void childActivated() {
    activeChildren++;
    activatedChildren++;
  }

  void childLeft(boolean completed) {
    activeChildren--;
    if (completed) {
      completedChildren++;
    } else {
      terminatedChildren++;
    }
  }

  void setPendingTrigger(String elementId) {
    this.pendingTrigger = elementId;
  }

  void setJobKey(long jobKey) {
    this.jobKey = jobKey;
  }

  void setCalledInstanceKey(long calledInstanceKey) {
    this.calledInstanceKey = calledInstanceKey;
  }

  /** A terminate end event ends every path in the scope, including tokens parked at joins. */
  void clearJoinTokens() {
    joinTokens.clear();
    waitingTokens = 0;
  }

  void addJoinToken(String gatewayId, String flowId) {
    joinTokens.computeIfAbsent(gatewayId, id -> new HashMap<>()).merge(flowId, 1, Integer::sum);
    waitingTokens++;
  }

  void consumeJoinTokens(String gatewayId, Iterable<String> flowIds) {
    Map<String, Integer> tokens = joinTokens.get(gatewayId);
    if (tokens == null) {
      return;
    }
    for (String flowId : flowIds) {
      Integer count = tokens.get(flowId);
      if (count != null && count > 0) {
        waitingTokens--;
        if (count == 1) {
          tokens.remove(flowId);
        } else {
          tokens.put(flowId, count - 1);
        }
      }
    }
  }
}
