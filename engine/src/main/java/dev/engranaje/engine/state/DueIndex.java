package dev.engranaje.engine.state;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Keys ordered by a due time, for deadlines, backoffs, timers and message expiry. */
final class DueIndex {
  private record Entry(long due, long key) implements Comparable<Entry> {
    @Override
    public int compareTo(Entry other) {
      int byDue = Long.compare(due, other.due);
      return byDue != 0 ? byDue : Long.compare(key, other.key);
    }
  }

  private final TreeSet<Entry> entries = new TreeSet<>();

  void add(long due, long key) {
    entries.add(new Entry(due, key));
  }

  void remove(long due, long key) {
    entries.remove(new Entry(due, key));
  }

  /** Keys due at or before {@code now}, earliest first. */
  List<Long> dueAt(long now) {
    List<Long> due = new ArrayList<>();
    for (Entry entry : entries) {
      if (entry.due > now) {
        break;
      }
      due.add(entry.key);
    }
    return due;
  }

  /** The earliest due time, or Long.MAX_VALUE when empty. */
  long next() {
    return entries.isEmpty() ? Long.MAX_VALUE : entries.first().due;
  }
}
