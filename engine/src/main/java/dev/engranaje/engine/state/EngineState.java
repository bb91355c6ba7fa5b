package dev.engranaje.engine.state;

import java.util.List;

/** All of the engine's state, read-only to everything but the {@link EventApplier}. */
public final class EngineState {
  private final KeyGenerator keys = new KeyGenerator();
  private final ProcessState processes = new ProcessState();
  private final DecisionState decisions = new DecisionState();
  private final FormState forms = new FormState();
  private final ElementInstanceState elementInstances = new ElementInstanceState();
  private final VariableState variables = new VariableState();
  private final JobState jobs = new JobState();
  private final IncidentState incidents = new IncidentState();
  private final MessageState messages = new MessageState();
  private final TimerState timers = new TimerState();
  private final SubscriptionState subscriptions = new SubscriptionState();
  private final SignalSubscriptionState signalSubscriptions = new SignalSubscriptionState();
  private final InstanceHistory history = new InstanceHistory();
  private final UserTaskState userTasks = new UserTaskState();
  private final BatchOperationState batchOperations = new BatchOperationState();

  /**
   * Every piece of state a snapshot holds: the one registry of {@link SnapshotPart}s. A new state
   * class implements {@code SnapshotPart} and is added here, and snapshots carry it; a snapshot that
   * lacks a part listed here is not used (recovery falls back to an older one or to the whole log).
   */
  public List<SnapshotPart<?>> snapshotParts() {
    return List.of(
        keys,
        processes,
        decisions,
        forms,
        elementInstances,
        variables,
        jobs,
        incidents,
        messages,
        timers,
        subscriptions,
        signalSubscriptions,
        history,
        userTasks,
        batchOperations);
  }

  public KeyGenerator keys() {
    return keys;
  }

  public ProcessState processes() {
    return processes;
  }

  public DecisionState decisions() {
    return decisions;
  }

  public FormState forms() {
    return forms;
  }

  public ElementInstanceState elementInstances() {
    return elementInstances;
  }

  public VariableState variables() {
    return variables;
  }

  public JobState jobs() {
    return jobs;
  }

  public IncidentState incidents() {
    return incidents;
  }

  public MessageState messages() {
    return messages;
  }

  public TimerState timers() {
    return timers;
  }

  public InstanceHistory history() {
    return history;
  }

  public SignalSubscriptionState signalSubscriptions() {
    return signalSubscriptions;
  }

  public SubscriptionState subscriptions() {
    return subscriptions;
  }

  public UserTaskState userTasks() {
    return userTasks;
  }

  public BatchOperationState batchOperations() {
    return batchOperations;
  }
}
