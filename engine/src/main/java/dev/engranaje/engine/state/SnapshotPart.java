package dev.engranaje.engine.state;

/**
 * One piece of the engine state that a snapshot holds. Each state class implements it and is listed
 * once in {@link EngineState#snapshotParts()}; a new state class joins snapshots with that one line.
 *
 * <p>{@link #capture()} runs on the processor thread, so it only copies references to immutable
 * values (records) and small counters into an image; turning the image into bytes happens on
 * another thread. An image holds what the engine still needs to run, and finished things only as
 * long as the history retention keeps them: older ones are left out, so a snapshot grows with the
 * active state and the retention window, not with everything ever run (the history projection keeps
 * what operators search).
 *
 * @param <T> the image: a record (or list/map of records) that Jackson writes and reads
 */
public interface SnapshotPart<T> {

  /** The part's stable name in a stored snapshot; renaming it makes older snapshots unreadable. */
  String snapshotName();

  /** The image's class, for reading it back. */
  Class<T> imageType();

  /**
   * The part's current content as an image that later changes to the state do not affect.
   *
   * @param finishedSince finished things (ended instances, resolved incidents, ended user tasks) that
   *     ended before this time (epoch millis: the history retention cutoff) are left out
   */
  T capture(long finishedSince);

  /** Fills this part, which is empty, from an image that {@link #capture()} made. */
  void restore(T image, SnapshotContext context);
}
