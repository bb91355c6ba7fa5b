package dev.engranaje.workers.secrets;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Masks known secret values in text: log lines, failure and incident messages, output variables,
 * names of evidence files. Values are registered as they are resolved. Very short values (under 4
 * characters) are not masked because they would mangle ordinary text; the runtime warns about them.
 *
 * <p>Thread-safe.
 */
public final class Redactor {
  public static final String MASK = "***";
  private static final int MIN_LENGTH = 4;

  private final Set<String> values = ConcurrentHashMap.newKeySet();

  public void register(String value) {
    if (value != null && value.length() >= MIN_LENGTH) {
      values.add(value);
    }
  }

  /** {@code text} with every registered value replaced by {@value #MASK}; longest values first. */
  public String redact(String text) {
    if (text == null || values.isEmpty()) {
      return text;
    }
    String result = text;
    List<String> longestFirst = values.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    for (String value : longestFirst) {
      if (result.contains(value)) {
        result = result.replace(value, MASK);
      }
    }
    return result;
  }

  /** True when {@code text} contains a registered value. */
  public boolean leaks(String text) {
    return text != null && values.stream().anyMatch(text::contains);
  }
}
