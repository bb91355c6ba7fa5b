package dev.engranaje.workers.web;

import dev.engranaje.workers.api.TechnicalFailure;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.InvalidSelectorException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.Sleeper;

/**
 * Finds elements through a {@link Target}'s fallback chain inside explicit waits. Each poll finds the
 * elements afresh and acts on them at once, and a stale element, a click landing on an overlay or an
 * element not yet interactable only ends that poll: the next one finds the element again. So a page
 * that replaces its DOM while a step runs is survived.
 *
 * <p>Not thread-safe; one per script run.
 */
final class ElementFinder {
  static final String NOT_FOUND =
      "Expected step %d (%s) to find %s element by %s, but none appeared within %s; check the selector"
          + " against the saved page";
  static final String LAST_ATTEMPT = " (last attempt: %s)";
  static final String INVALID_SELECTOR =
      "Expected step %d (%s) to use valid selectors, but the browser refused %s: %s";
  static final String CONDITION_TIMEOUT = "Expected step %d (%s) to see %s within %s, but %s";
  static final Duration POLL = Duration.ofMillis(100);
  private static final int CANDIDATES_PER_SELECTOR = 25;

  /** Element states a step waits for. */
  enum State {
    PRESENT("an", e -> true),
    VISIBLE("a visible", WebElement::isDisplayed),
    CLICKABLE("a clickable", e -> e.isDisplayed() && e.isEnabled());

    final String adjective;
    final Predicate<WebElement> test;

    State(String adjective, Predicate<WebElement> test) {
      this.adjective = adjective;
      this.test = test;
    }
  }

  private final WebDriver driver;
  private final Clock clock;
  private final Placeholders placeholders;

  ElementFinder(WebDriver driver, Clock clock) {
    this(driver, clock, Placeholders.none());
  }

  /** A finder that fills {@code ${name}} placeholders in selectors from {@code placeholders}. */
  ElementFinder(WebDriver driver, Clock clock, Placeholders placeholders) {
    this.driver = driver;
    this.clock = clock;
    this.placeholders = placeholders;
  }

  /**
   * Waits until an element of {@code target} is in {@code state} and {@code action} succeeded on it;
   * returns the action's result.
   */
  <T> T act(StepRef step, Target target, State state, Duration timeout, Function<WebElement, T> action)
      throws TechnicalFailure {
    return act(step, target, state.adjective, state.test, timeout, action);
  }

  /** Like {@link #act(StepRef, Target, State, Duration, Function)} for elements passing {@code suitable}. */
  <T> T act(StepRef step, Target written, String adjective, Predicate<WebElement> suitable, Duration timeout,
      Function<WebElement, T> action) throws TechnicalFailure {
    Target target = placeholders.fill(written, step.index(), step.kind());
    try {
      return wait(timeout).until(d -> firstSuitable(target, suitable, action)).value();
    } catch (TimeoutException e) {
      String message = String.format(NOT_FOUND, step.index(), step.kind(), adjective, target, Durations.format(timeout));
      Throwable last = e.getCause();
      if (last != null && !(last instanceof NoSuchElementException)) {
        message += String.format(LAST_ATTEMPT, firstLine(last));
      }
      throw TechnicalFailure.retryable(message, null);
    } catch (InvalidSelectorException e) {
      throw TechnicalFailure.permanent(String.format(INVALID_SELECTOR, step.index(), step.kind(), target, firstLine(e)));
    }
  }

  private <T> Hit<T> firstSuitable(Target target, Predicate<WebElement> suitable, Function<WebElement, T> action) {
    for (Selector selector : target.selectors()) {
      List<WebElement> found = driver.findElements(selector.by());
      for (WebElement element : found.subList(0, Math.min(found.size(), CANDIDATES_PER_SELECTOR))) {
        if (suitable.test(element)) {
          return new Hit<>(action.apply(element));
        }
      }
    }
    return null;
  }

  /** True when no selector of {@code target} finds any element now. */
  boolean absent(StepRef step, Target written) {
    Target target = placeholders.fill(written, step.index(), step.kind());
    return target.selectors().stream().allMatch(selector -> driver.findElements(selector.by()).isEmpty());
  }

  /** Waits until {@code condition} returns a value; {@code what} describes it for the failure message. */
  <T> T until(StepRef step, String what, Duration timeout, Function<WebDriver, T> condition, Function<WebDriver, String> actual)
      throws TechnicalFailure {
    try {
      return wait(timeout).until(condition);
    } catch (TimeoutException e) {
      throw TechnicalFailure.retryable(
          String.format(CONDITION_TIMEOUT, step.index(), step.kind(), what, Durations.format(timeout), actual.apply(driver)), null);
    }
  }

  /** Waits until the document finished loading, so a check after a click sees the next page. */
  void awaitDocumentReady(Duration timeout) {
    try {
      wait(timeout).until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    } catch (TimeoutException e) {
      // a page that never finishes loading is checked as it is; the check itself reports what it sees
    }
  }

  FluentWait<WebDriver> wait(Duration timeout) {
    return new FluentWait<>(driver, clock, Sleeper.SYSTEM_SLEEPER).withTimeout(timeout).pollingEvery(POLL)
        .ignoring(StaleElementReferenceException.class, NoSuchElementException.class)
        .ignoring(ElementClickInterceptedException.class, ElementNotInteractableException.class);
  }

  static String firstLine(Throwable failure) {
    String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  /** An action's result; the wait ends on a hit even when the action returns null. */
  private record Hit<T>(T value) {}

  /** The running step, for messages: its index from 1 and its kind. */
  record StepRef(int index, String kind) {}
}
