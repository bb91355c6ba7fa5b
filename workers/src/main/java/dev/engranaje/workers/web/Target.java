package dev.engranaje.workers.web;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The element a step acts on: a fallback chain of {@link Selector}s tried in order, the first that
 * finds a suitable element wins. Written in scripts as one selector string or a list of them.
 *
 * <p>Immutable; never empty.
 */
public record Target(List<Selector> selectors) {

  public Target {
    selectors = List.copyOf(selectors);
    if (selectors.isEmpty()) {
      throw new IllegalArgumentException("Expected at least one selector, but the list is empty");
    }
  }

  static Target of(String... selectors) {
    return new Target(java.util.Arrays.stream(selectors).map(Selector::parse).toList());
  }

  /** The chain as written, e.g. {@code css=#login | text=Sign in}; safe to log (secrets are not allowed in selectors). */
  @Override
  public String toString() {
    return selectors.stream().map(Selector::toString).collect(Collectors.joining(" | "));
  }
}
