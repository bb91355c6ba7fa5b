package dev.engranaje.engine.storage;

/**
 * Sees the database's maintenance transactions (a snapshot being stored, a compaction batch, a
 * history retention batch) while they are open, before they commit: a seam for tests that kill the
 * engine at exactly those moments. The default does nothing.
 */
public interface MaintenanceObserver {
  /** Observes nothing. */
  MaintenanceObserver NONE = new MaintenanceObserver() {};

  /** A snapshot row is written but not committed. */
  default void snapshotWritten(long position) {}

  /** A compaction batch removed records (its work count, see {@link RecordLog#compact}) but has not committed. */
  default void compactionBatchDeleted(int work) {}

  /** A retention batch removed instances from the history but has not committed. */
  default void retentionBatchRemoved(int rootInstances) {}
}
