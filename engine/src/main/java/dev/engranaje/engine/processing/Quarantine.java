package dev.engranaje.engine.processing;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Keeps track of the unit of work the processor is running (so a fatal error can say, and record,
 * which one it was) and of the work that is quarantined: work that stopped the engine {@value
 * #THRESHOLD} runs in a row is not run again but answered with an incident or a rejection (see
 * {@code TimerTriggerHandler}). Only work with a stable id that survives a restart can be
 * quarantined: timers today (a request that kills the engine is not in the log, so it does not come
 * back after a restart).
 *
 * <p>Thread-safe: written on the processor thread, read from any.
 */
public final class Quarantine {
  /** How many consecutive runs a unit of work must have stopped before it is quarantined. */
  public static final int THRESHOLD = 2;
  static final String REQUEST = "request";
  static final String DUE_WORK = "due-work";

  private final Set<String> quarantinedIds;
  private final ProcessingObserver observer;
  private final String reason;
  private final List<String> reports = new CopyOnWriteArrayList<>();
  private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
  private volatile String currentId = REQUEST;
  private volatile String currentDescription = "a request";

  /**
   * @param quarantinedIds the ids of work to quarantine this run (from the fatal-error marker)
   * @param reason what that work died of
   * @param observer told about each unit of work before it runs
   */
  public Quarantine(Set<String> quarantinedIds, String reason, ProcessingObserver observer) {
    this.quarantinedIds = Set.copyOf(quarantinedIds);
    this.reason = reason;
    this.observer = observer;
  }

  /** No quarantine (a fresh or in-memory engine). */
  public static Quarantine none(ProcessingObserver observer) {
    return new Quarantine(Set.of(), "", observer);
  }

  /** What the quarantined work died of, as the marker recorded it. */
  public String reason() {
    return reason;
  }

  /** Marks the start of a unit of work; called on the processor thread. */
  public void begin(String workId, String description) {
    currentId = workId;
    currentDescription = description;
    observer.beforeWork(workId, description);
  }

  public String currentId() {
    return currentId;
  }

  public String currentDescription() {
    return currentDescription;
  }

  /** Whether the work with this id is quarantined in this run. */
  public boolean isQuarantined(String workId) {
    return quarantinedIds.contains(workId);
  }

  /** Records that quarantined work was skipped, with what was done instead; tells the listeners. */
  public void quarantined(String report) {
    reports.add(report);
    listeners.forEach(listener -> listener.accept(report));
  }

  /** Reports of the work quarantined so far in this run. */
  public List<String> reports() {
    return List.copyOf(reports);
  }

  /** Calls {@code listener} (on the processor thread) for every quarantined unit of work. */
  public void onQuarantined(Consumer<String> listener) {
    listeners.add(listener);
  }
}
