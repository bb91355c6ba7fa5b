package dev.engranaje.engine.processing;

import dev.engranaje.engine.record.Intent;
import dev.engranaje.engine.record.Record;
import dev.engranaje.engine.record.RecordType;
import dev.engranaje.engine.record.RecordValue;
import dev.engranaje.engine.record.ValueType;
import dev.engranaje.engine.state.EventApplier;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the records of the current batch. An event is applied to the state the moment it is
 * written, so the rest of the processing sees its effect; the batch is committed by the processor.
 */
public final class RecordWriter {
  private final EventApplier applier;
  private final Clock clock;
  private final List<Record> pending = new ArrayList<>();
  private long position;

  public RecordWriter(EventApplier applier, Clock clock, long lastPosition) {
    this.applier = applier;
    this.clock = clock;
    this.position = lastPosition;
  }

  public void event(long key, Intent intent, RecordValue value) {
    Record record = new Record(++position, key, clock.millis(), RecordType.EVENT, ValueType.of(value), intent, value);
    applier.apply(record);
    pending.add(record);
  }

  public void command(long key, Intent intent, RecordValue value) {
    pending.add(new Record(++position, key, clock.millis(), RecordType.COMMAND, ValueType.of(value), intent, value));
  }

  List<Record> pending() {
    return pending;
  }

  /** Index into the pending batch, to roll back to if a command fails unexpectedly. */
  int mark() {
    return pending.size();
  }

  void rollbackTo(int mark) {
    while (pending.size() > mark) {
      pending.remove(pending.size() - 1);
      position--;
    }
  }

  void clear() {
    pending.clear();
  }

  long position() {
    return position;
  }

  void resetPosition(long lastPosition) {
    this.position = lastPosition;
  }
}
