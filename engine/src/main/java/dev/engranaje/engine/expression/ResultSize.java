package dev.engranaje.engine.expression;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * Whether a FEEL result, written as a JSON document, would exceed a byte limit. Counts the JSON
 * text (quotes, separators, UTF-8 bytes; escapes not counted) and stops as soon as the limit is
 * passed, so a huge result is never serialised just to be measured. Iterative: a deeply nested
 * value cannot overflow the stack.
 */
final class ResultSize {

  private ResultSize() {}

  static boolean exceeds(Object result, long limit) {
    long size = 0;
    Deque<Object> pending = new ArrayDeque<>();
    pending.push(result == null ? NULL : result);
    while (!pending.isEmpty()) {
      Object value = pending.pop();
      if (value instanceof Map<?, ?> map) {
        size += 2 + map.size();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
          size += Utf8Length.of(String.valueOf(entry.getKey())) + 3;
          pending.push(entry.getValue() == null ? NULL : entry.getValue());
        }
      } else if (value instanceof Iterable<?> list) {
        size += 2;
        for (Object item : list) {
          size += 1;
          pending.push(item == null ? NULL : item);
        }
      } else if (value instanceof CharSequence text) {
        size += Utf8Length.of(text) + 2;
      } else {
        size += String.valueOf(value).length();
      }
      if (size > limit) {
        return true;
      }
    }
    return false;
  }

  /** Stands for JSON {@code null} in the work list (an {@link ArrayDeque} holds no nulls). */
  private static final Object NULL = new Object() {
    @Override
    public String toString() {
      return "null";
    }
  };
}
