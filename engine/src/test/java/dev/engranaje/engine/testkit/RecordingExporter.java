package dev.engranaje.engine.testkit;

import dev.engranaje.engine.RecordCollector;
import dev.engranaje.engine.record.Intent;
import dev.engranaje.engine.record.Record;
import dev.engranaje.engine.record.RecordType;
import dev.engranaje.engine.record.ValueType;
import java.util.List;
import java.util.function.Predicate;

/** Collects every committed record, for assertions on the record log. Thread-safe. */
public final class RecordingExporter extends RecordCollector {
  /** Events of one value type for one process instance (by the value's processInstanceKey field). */
  public List<Record> events(ValueType type) {
    return matching(r -> r.recordType() == RecordType.EVENT && r.valueType() == type);
  }

  public boolean has(ValueType type, Intent intent, Predicate<Record> predicate) {
    return all().stream().anyMatch(r -> r.valueType() == type && r.intent() == intent && predicate.test(r));
  }
}
