package dev.engranaje.engine;

import dev.engranaje.engine.record.Record;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * An exporter that keeps every committed record in memory, in log order, for tests and test
 * harnesses ({@link Engine#addExporter}). Thread-safe; never use it on a long-running engine.
 */
public class RecordCollector implements Consumer<List<Record>> {
  private final List<Record> records = new ArrayList<>();

  @Override
  public final synchronized void accept(List<Record> batch) {
    records.addAll(batch);
  }

  /** A copy of every record collected so far. */
  public final synchronized List<Record> all() {
    return List.copyOf(records);
  }

  public final List<Record> matching(Predicate<Record> predicate) {
    return all().stream().filter(predicate).toList();
  }
}
