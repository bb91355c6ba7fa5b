package dev.engranaje.workers.web;

import dev.engranaje.workers.api.TechnicalFailure;
import dev.engranaje.workers.web.ElementFinder.State;
import dev.engranaje.workers.web.ElementFinder.StepRef;
import java.time.Duration;
import java.util.Optional;
import org.openqa.selenium.WebDriver;

/**
 * Evaluates an {@link WebStep.Assert} against the page as it is now. Elements are looked up for at
 * most a second (enough to ride out a node being replaced), never waited for: waiting is what
 * {@code waitFor} steps are for.
 *
 * <p>Not thread-safe; one per script run.
 */
final class PageChecks {
  static final String ASSERT_FAILED = "Expected step %d (assert) to find %s, but %s";
  private static final Duration LOOKUP = Duration.ofSeconds(1);

  private final WebDriver driver;
  private final ElementFinder finder;

  PageChecks(WebDriver driver, ElementFinder finder) {
    this.driver = driver;
    this.finder = finder;
  }

  /** The failure message when the check does not hold, else empty. */
  Optional<String> failure(StepRef ref, WebStep.Assert assertion, String expected) {
    Target target = assertion.target();
    String wanted;
    String actual;
    switch (assertion.condition()) {
      case PRESENT -> {
        wanted = "an element by " + target;
        actual = finder.absent(ref, target) ? "none is on the page" : null;
      }
      case ABSENT -> {
        wanted = "no element by " + target;
        actual = finder.absent(ref, target) ? null : "one is on the page";
      }
      case VISIBLE -> {
        wanted = "a visible element by " + target;
        actual = textNow(ref, target).isPresent() ? null : "none is visible";
      }
      case TEXT_CONTAINS, TEXT_EQUALS -> {
        boolean equals = assertion.condition() == WebStep.AssertCondition.TEXT_EQUALS;
        wanted = "text " + (equals ? "" : "containing ") + "'" + expected + "' in " + target;
        Optional<String> text = textNow(ref, target);
        boolean holds = text.isPresent() && (equals ? text.get().equals(expected) : text.get().contains(expected));
        actual = holds ? null : text.map(t -> "the text is '" + t + "'").orElse("no visible element matches");
      }
      case URL_CONTAINS -> {
        wanted = "a URL containing '" + expected + "'";
        actual = driver.getCurrentUrl().contains(expected) ? null : "the URL is '" + driver.getCurrentUrl() + "'";
      }
      default -> {
        wanted = "a title containing '" + expected + "'";
        actual = driver.getTitle().contains(expected) ? null : "the title is '" + driver.getTitle() + "'";
      }
    }
    return actual == null ? Optional.empty() : Optional.of(String.format(ASSERT_FAILED, ref.index(), wanted, actual));
  }

  private Optional<String> textNow(StepRef ref, Target target) {
    try {
      return Optional.of(finder.act(ref, target, State.VISIBLE, LOOKUP, e -> e.getText().strip()));
    } catch (TechnicalFailure none) {
      return Optional.empty();
    }
  }
}
