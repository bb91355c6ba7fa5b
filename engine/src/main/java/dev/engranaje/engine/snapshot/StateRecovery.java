package dev.engranaje.engine.snapshot;

import dev.engranaje.engine.record.Record;
import dev.engranaje.engine.state.EngineState;
import dev.engranaje.engine.state.EventApplier;
import dev.engranaje.engine.state.SnapshotContext;
import dev.engranaje.engine.storage.RecordLog;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the engine state: the newest snapshot that reads back intact, then the events after it;
 * when a snapshot is damaged or unreadable, the next older one; when none is usable, every event in
 * the log. Compaction keeps each kept snapshot's whole tail, and a full replay of a compacted log
 * still yields the active state (only finished instances' records and commands were removed).
 */
public final class StateRecovery {
  private static final Logger LOG = LoggerFactory.getLogger(StateRecovery.class);

  /**
   * How recovery went.
   *
   * @param target the recovered state and its applier
   * @param snapshotPosition the position of the snapshot used, 0 for a full replay
   * @param replayed events replayed after it
   * @param snapshotsSkipped stored snapshots that could not be used
   */
  public record Result(Target target, long snapshotPosition, long replayed, int snapshotsSkipped) {}

  /** What one recovery attempt works on: a fresh state and the applier that writes it. */
  public record Target(EngineState state, EventApplier applier) {}

  private final SnapshotCodec codec = new SnapshotCodec();

  /**
   * @param fresh makes an empty state and its applier (a failed snapshot restore leaves a state
   *     half filled, so each attempt starts from a new one)
   * @param context what restoring a snapshot needs
   */
  public Result recover(RecordLog log, Supplier<Target> fresh, SnapshotContext context) {
    int skipped = 0;
    for (long position : log.snapshotPositions()) {
      if (position > log.lastPosition()) {
        skipped++;
        continue; // cannot happen (a snapshot is stored after its records); never trust one ahead of the log
      }
      Optional<byte[]> content = log.readSnapshot(position);
      if (content.isEmpty()) {
        skipped++;
        continue;
      }
      Target target = fresh.get();
      long started = System.nanoTime();
      try {
        codec.restore(content.get(), target.state(), context);
        LOG.info("Restored the state from the snapshot at position {} ({} bytes) in {} ms", position,
            content.get().length, (System.nanoTime() - started) / 1_000_000);
      } catch (RuntimeException e) {
        LOG.warn("The snapshot at position {} cannot be used ({}); trying an older one or the whole log", position,
            e.getMessage());
        skipped++;
        continue;
      }
      long replayed = replay(log, position, target.applier());
      return new Result(target, position, replayed, skipped);
    }
    Target target = fresh.get();
    long replayed = replay(log, 0, target.applier());
    target.applier().observeKey(log.compactedMaxKey());
    return new Result(target, 0, replayed, skipped);
  }

  private static long replay(RecordLog log, long after, EventApplier applier) {
    long[] count = {0};
    log.replayEventsAfter(after, (Record record) -> {
      applier.apply(record);
      count[0]++;
    });
    return count[0];
  }
}
