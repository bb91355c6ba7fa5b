package dev.engranaje.engine.storage;

import dev.engranaje.engine.record.Record;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The append-only, durable record log. Used only by the processor thread. */
public interface RecordLog extends AutoCloseable {

  /** Appends records atomically: after return they are durable; on exception none of them are. */
  void append(List<Record> records);

  /** Feeds every stored record, in position order, to the consumer. */
  void replay(Consumer<Record> consumer);

  /**
   * Feeds every stored event, in position order, to the consumer: what recovery needs, since
   * commands change no state.
   */
  void replayEvents(Consumer<Record> consumer);

  /**
   * Checks that the storage takes writes (after a {@link StorageFailure}); does nothing by default.
   *
   * @throws StorageFailure while it does not
   */
  default void probe() {}

  /** Feeds every stored event after {@code position}, in position order: the tail after a snapshot. */
  default void replayEventsAfter(long position, Consumer<Record> consumer) {
    if (position != 0) {
      throw new UnsupportedOperationException("This log keeps no snapshots");
    }
    replayEvents(consumer);
  }

  /** The positions of the stored snapshots, newest first; none by default. */
  default List<Long> snapshotPositions() {
    return List.of();
  }

  /** A stored snapshot's content, or empty when it is gone or damaged (its checksum does not match). */
  default Optional<byte[]> readSnapshot(long position) {
    return Optional.empty();
  }

  /**
   * Stores a snapshot of the state as of {@code position} (already stored in the log) and drops all
   * but the newest two; does nothing by default.
   */
  default void storeSnapshot(long position, byte[] content) {}

  /**
   * Removes one small batch of records nothing needs any more (see {@link LogCompaction}); nothing by
   * default.
   *
   * @param commandsBeforeMillis commands and rejections written before this time may go
   * @return how much the batch did; 0 when there is nothing left to do now
   */
  default int compact(long commandsBeforeMillis) {
    return 0;
  }

  /** The largest key among the records compaction removed, 0 when none: full replay must not reuse it. */
  default long compactedMaxKey() {
    return 0;
  }

  /** The position of the last stored record, 0 when empty. */
  long lastPosition();

  @Override
  void close();
}
