package dev.engranaje.engine.testkit;

import dev.engranaje.engine.record.Intent;
import dev.engranaje.engine.record.Record;
import dev.engranaje.engine.record.RecordType;
import dev.engranaje.engine.record.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** Collects every committed record, for assertions on the record log. Thread-safe. */
public final class RecordingExporter implements Consumer<List<Record>> {
  private final List<Record> records = new ArrayList<>();

  @Override
  public synchronized void accept(List<Record> batch) {
    records.addAll(batch);
  }

  public synchronized List<Record> all() {
    return List.copyOf(records);
  }

  public List<Record> matching(Predicate<Record> predicate) {
    return all().stream().filter(predicate).toList();
  }

  /** Events of one value type for one process instance (by the value's processInstanceKey field). */
  public List<Record> events(ValueType type) {
    return matching(r -> r.recordType() == RecordType.EVENT && r.valueType() == type);
  }

  public boolean has(ValueType type, Intent intent, Predicate<Record> predicate) {
    return all().stream().anyMatch(r -> r.valueType() == type && r.intent() == intent && predicate.test(r));
  }
}
