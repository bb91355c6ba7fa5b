package dev.engranaje.workers.finance.einvoice;

import java.util.HashMap;
import java.util.Map;

/**
 * Where in the file each business term of an {@link Invoice} was read, so rule violations can point
 * at it. Keys are terms ({@code BT-112}), or a group and its 1-based index with a term ({@code
 * BG-25[2]/BT-131}, {@code BG-23[1]}). Filled by one reader, then read-only; not thread-safe while filled.
 */
public final class SourcePositions {
  private final Map<String, String> positions = new HashMap<>();

  void put(String key, XmlNode node) {
    positions.putIfAbsent(key, node.position());
  }

  /** The position of {@code key}, or {@code null} when it was not read from the file. */
  public String of(String key) {
    return positions.get(key);
  }

  /** The key of a term inside the {@code index}th (1-based) instance of a group. */
  static String in(String group, int index, String term) {
    return term == null ? group + "[" + index + "]" : group + "[" + index + "]/" + term;
  }
}
