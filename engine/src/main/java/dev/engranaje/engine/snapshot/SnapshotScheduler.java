package dev.engranaje.engine.snapshot;

import dev.engranaje.engine.storage.RecordLog;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides when a snapshot is due and stores it off the processor: the processor asks {@link #due}
 * after each batch and, when it is, captures the state ({@link StateSnapshot#capture}, a copy of
 * references); once the log writer has stored that batch it hands the capture to {@link #stored},
 * which encodes and writes it on the maintenance thread and then compacts the log batch by batch.
 * At most one snapshot is in flight.
 */
public final class SnapshotScheduler {
  private static final Logger LOG = LoggerFactory.getLogger(SnapshotScheduler.class);

  private final SnapshotPolicy policy;
  private final Clock clock;
  private final ExecutorService maintenance;
  private final LongSupplier commandsBeforeMillis;
  private final SnapshotCodec codec = new SnapshotCodec();
  private final AtomicBoolean inFlight = new AtomicBoolean();
  private volatile long lastPosition;
  private volatile long lastMillis;

  /**
   * @param maintenance the single thread that writes snapshots and compacts
   * @param commandsBeforeMillis the time before which commands may be compacted away (the history
   *     retention cutoff)
   */
  public SnapshotScheduler(SnapshotPolicy policy, Clock clock, ExecutorService maintenance,
      LongSupplier commandsBeforeMillis) {
    this.policy = policy;
    this.clock = clock;
    this.maintenance = maintenance;
    this.commandsBeforeMillis = commandsBeforeMillis;
    this.lastMillis = clock.millis();
  }

  /** Recovery used (or wrote) the snapshot at this position; the next one is counted from it. */
  public void recoveredAt(long position) {
    lastPosition = position;
    lastMillis = clock.millis();
  }

  /** Finished things that ended before this time stay out of snapshots: the history retention cutoff. */
  public long finishedSince() {
    return commandsBeforeMillis.getAsLong();
  }

  /** Whether the state at this position is newer than the last snapshot taken. */
  public boolean isNewer(long position) {
    return position > lastPosition;
  }

  /** Whether the processor should capture a snapshot now, its log being at {@code position}. */
  public boolean due(long position) {
    if (position <= lastPosition || inFlight.get()) {
      return false;
    }
    return position - lastPosition >= policy.everyRecords()
        || clock.millis() - lastMillis >= policy.every().toMillis();
  }

  /** A capture whose records are stored: writes it and compacts, on the maintenance thread. */
  public void stored(StateSnapshot snapshot, RecordLog log) {
    if (!inFlight.compareAndSet(false, true)) {
      return;
    }
    lastPosition = snapshot.position();
    lastMillis = clock.millis();
    try {
      maintenance.execute(() -> {
        try {
          write(snapshot, log);
          compact(log);
        } catch (RuntimeException e) {
          LOG.warn("Could not store the snapshot at position {}; the next one is tried later", snapshot.position(), e);
        } finally {
          inFlight.set(false);
        }
      });
    } catch (RejectedExecutionException e) {
      inFlight.set(false); // shutting down: the clean stop writes its own snapshot
    }
  }

  /** Writes a snapshot now, on the calling thread: the clean stop, once the processor has stopped. */
  public void writeNow(StateSnapshot snapshot, RecordLog log) {
    write(snapshot, log);
  }

  /** Removes what compaction may, batch by batch; each batch is its own short transaction. */
  public int compact(RecordLog log) {
    int total = 0;
    int removed;
    do {
      removed = log.compact(commandsBeforeMillis.getAsLong());
      total += removed;
    } while (removed > 0 && !Thread.currentThread().isInterrupted());
    return total;
  }

  private void write(StateSnapshot snapshot, RecordLog log) {
    long started = System.nanoTime();
    byte[] content = codec.encode(snapshot);
    log.storeSnapshot(snapshot.position(), content);
    LOG.debug("Stored the snapshot at position {} ({} bytes) in {} ms", snapshot.position(), content.length,
        (System.nanoTime() - started) / 1_000_000);
  }
}
