package dev.engranaje.engine.snapshot;

import java.time.Duration;

/**
 * When the engine snapshots its state: after {@code everyRecords} records or {@code every} time
 * (whichever comes first, and only when records were written since the last one), and on a clean
 * stop. Defaults: every 50,000 records or 5 minutes.
 *
 * @param everyRecords records written since the last snapshot that make the next one due
 * @param every time since the last snapshot that makes the next one due
 */
public record SnapshotPolicy(long everyRecords, Duration every) {
  public static final SnapshotPolicy DEFAULT = new SnapshotPolicy(50_000, Duration.ofMinutes(5));

  public SnapshotPolicy {
    if (everyRecords < 1) {
      throw new IllegalArgumentException("Expected a snapshot every 1 or more records, but got " + everyRecords);
    }
    if (every == null || every.isNegative() || every.isZero()) {
      throw new IllegalArgumentException("Expected a positive snapshot interval, but got " + every);
    }
  }
}
