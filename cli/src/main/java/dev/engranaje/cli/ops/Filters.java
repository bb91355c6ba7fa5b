package dev.engranaje.cli.ops;

import java.util.function.Consumer;

/** Applies an option to a search filter only when the user gave it (options left out are null). */
final class Filters {
  private Filters() {}

  static <V> void ifSet(V value, Consumer<V> setter) {
    if (value != null) {
      setter.accept(value);
    }
  }
}
