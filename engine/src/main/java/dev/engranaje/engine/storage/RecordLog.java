package dev.engranaje.engine.storage;

import dev.engranaje.engine.record.Record;
import java.util.List;
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

  /** The position of the last stored record, 0 when empty. */
  long lastPosition();

  @Override
  void close();
}
