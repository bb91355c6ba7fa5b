package dev.engranaje.workers.web;

import dev.engranaje.workers.api.BusinessError;
import dev.engranaje.workers.api.JobContext;
import dev.engranaje.workers.api.TechnicalFailure;
import dev.engranaje.workers.secrets.Destination;
import dev.engranaje.workers.web.ElementFinder.State;
import dev.engranaje.workers.web.ElementFinder.StepRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * Runs the element and page steps of a script against one browser session; frames, windows,
 * screenshots and downloads are delegated to {@link PageSteps}. Failures name the step (index and
 * kind), the selector chain and what to check.
 *
 * <p>Not thread-safe; one per script run.
 */
final class StepRunner {
  static final String BAD_URL = "Expected step %d (open) to open an http:// or https:// URL, but it is '%s'";
  static final String UPLOAD_MISSING = "Expected file '%s' for step %d (upload) in the workspace, but it does not exist";

  private final WebDriver driver;
  private final ElementFinder finder;
  private final JobContext context;
  private final Placeholders placeholders;
  private final RunState state;
  private final Duration defaultTimeout;
  private final PageSteps pages;
  private final PageChecks checks;

  StepRunner(BrowserSession session, JobContext context, Placeholders placeholders, RunState state, Duration defaultTimeout,
      Path downloads) {
    this.driver = session.driver();
    this.finder = new ElementFinder(driver, context.clock(), placeholders);
    this.context = context;
    this.placeholders = placeholders;
    this.state = state;
    this.defaultTimeout = defaultTimeout;
    this.pages = new PageSteps(session, finder, context, state, downloads);
    this.checks = new PageChecks(driver, finder);
  }

  PageSteps pages() {
    return pages;
  }

  void run(int index, WebStep step) throws Exception {
    StepRef ref = new StepRef(index, step.kind());
    if (step instanceof WebStep.Open open) {
      open(ref, open);
    } else if (step instanceof WebStep.Click click) {
      finder.act(ref, click.target(), State.CLICKABLE, timeout(click.timeout()), e -> {
        e.click();
        return null;
      });
    } else if (step instanceof WebStep.Type type) {
      type(ref, type);
    } else if (step instanceof WebStep.Select select) {
      select(ref, select);
    } else if (step instanceof WebStep.Check check) {
      finder.act(ref, check.target(), State.CLICKABLE, timeout(check.timeout()), e -> {
        if (e.isSelected() != check.checked()) {
          e.click();
        }
        return null;
      });
    } else if (step instanceof WebStep.WaitFor waitFor) {
      waitFor(ref, waitFor);
    } else if (step instanceof WebStep.Assert assertion) {
      assertion(ref, assertion);
    } else if (step instanceof WebStep.Extract extract) {
      extract(ref, extract);
    } else if (step instanceof WebStep.Upload upload) {
      upload(ref, upload);
    } else if (step instanceof WebStep.Download download) {
      pages.download(ref, download, timeout(download.timeout()), fill(download.saveAs(), ref));
    } else if (step instanceof WebStep.SwitchFrame frame) {
      pages.switchFrame(ref, frame, timeout(frame.timeout()));
    } else if (step instanceof WebStep.SwitchWindow window) {
      pages.switchWindow(ref, window, timeout(window.timeout()), fill(window.text(), ref));
    } else if (step instanceof WebStep.Screenshot screenshot) {
      pages.screenshot(screenshot.name());
    }
    state.visited(driver.getCurrentUrl());
  }

  private void open(StepRef ref, WebStep.Open open) {
    String url = fill(open.url(), ref);
    String lower = url.toLowerCase(Locale.ROOT);
    if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
      throw new IllegalArgumentException(String.format(BAD_URL, ref.index(), url));
    }
    driver.get(url);
  }

  private void type(StepRef ref, WebStep.Type type) throws TechnicalFailure {
    // the secret is resolved here, at the last moment, and goes only to the field of the page shown
    // now, so it is checked against the hosts it is bound to with the page's own address
    String text = placeholders.fillWithSecrets(type.text(), ref.index(), ref.kind(), context.secrets(), currentPage());
    finder.act(ref, type.target(), State.CLICKABLE, timeout(type.timeout()), e -> {
      if (type.clear()) {
        e.clear();
      }
      e.sendKeys(text);
      return null;
    });
  }

  private Destination currentPage() {
    try {
      return Destination.of(java.net.URI.create(String.valueOf(driver.getCurrentUrl())));
    } catch (IllegalArgumentException unreadable) {
      return new Destination("", -1);
    }
  }

  private void select(StepRef ref, WebStep.Select select) throws TechnicalFailure {
    String option = fill(select.option(), ref);
    finder.act(ref, select.target(), State.CLICKABLE, timeout(select.timeout()), e -> {
      org.openqa.selenium.support.ui.Select dropdown = new org.openqa.selenium.support.ui.Select(e);
      if (select.byValue()) {
        dropdown.selectByValue(option);
      } else {
        dropdown.selectByVisibleText(option);
      }
      return null;
    });
  }

  private void waitFor(StepRef ref, WebStep.WaitFor waitFor) throws TechnicalFailure {
    Duration timeout = timeout(waitFor.timeout());
    switch (waitFor.condition()) {
      case VISIBLE -> finder.act(ref, waitFor.target(), State.VISIBLE, timeout, e -> null);
      case CLICKABLE -> finder.act(ref, waitFor.target(), State.CLICKABLE, timeout, e -> null);
      case TEXT -> {
        String expected = fill(waitFor.expected(), ref);
        finder.act(ref, waitFor.target(), "a visible element with text '" + expected + "'",
            e -> e.isDisplayed() && e.getText().contains(expected), timeout, e -> null);
      }
      case URL -> {
        String expected = fill(waitFor.expected(), ref);
        finder.until(ref, "a URL containing '" + expected + "'", timeout,
            d -> d.getCurrentUrl().contains(expected) ? Boolean.TRUE : null, d -> "the URL is '" + d.getCurrentUrl() + "'");
      }
      default -> throw new IllegalStateException("Unhandled wait condition " + waitFor.condition());
    }
  }

  private void assertion(StepRef ref, WebStep.Assert assertion) throws Exception {
    finder.awaitDocumentReady(timeout(null));
    Optional<String> failure = checks.failure(ref, assertion, fill(assertion.expected(), ref));
    if (failure.isPresent()) {
      state.checkFailed = true;
      if (assertion.code() != null) {
        String custom = fill(assertion.message(), ref);
        throw new BusinessError(assertion.code(), custom == null ? failure.get() : custom + " (" + failure.get() + ")");
      }
      if (assertion.retry()) {
        String custom = fill(assertion.message(), ref);
        throw TechnicalFailure.retryable(custom == null ? failure.get() : custom + " (" + failure.get() + ")", null);
      }
      throw TechnicalFailure.permanent(failure.get());
    }
  }

  private void extract(StepRef ref, WebStep.Extract extract) throws TechnicalFailure {
    Duration timeout = timeout(extract.timeout());
    Object value = switch (extract.what()) {
      case TEXT -> finder.act(ref, extract.target(), State.VISIBLE, timeout, e -> e.getText().strip());
      case ATTRIBUTE -> finder.act(ref, extract.target(), State.PRESENT, timeout, e -> attribute(e, extract.attribute()));
      case TABLE -> finder.act(ref, extract.target(), State.VISIBLE, timeout,
          e -> TableRows.read(driver, e, ref.index(), extract.target()));
    };
    state.extracted.put(extract.as(), masked(value));
  }

  // A page may show a typed secret back (a field's value, an echo); it never reaches the output.
  private Object masked(Object value) {
    var redactor = context.secrets().redactor();
    if (value instanceof String text) {
      return redactor.redact(text);
    }
    if (value instanceof java.util.List<?> rows) {
      return rows.stream().map(row -> {
        java.util.Map<String, String> copy = new java.util.LinkedHashMap<>();
        ((java.util.Map<?, ?>) row).forEach((k, v) -> copy.put(redactor.redact(k.toString()), redactor.redact(v.toString())));
        return copy;
      }).toList();
    }
    return value;
  }

  // The attribute as written in the HTML, else the live DOM property (e.g. a typed field's value).
  private static String attribute(WebElement element, String name) {
    String value = element.getDomAttribute(name);
    if (value == null) {
      value = element.getDomProperty(name);
    }
    return value == null ? "" : value;
  }

  private void upload(StepRef ref, WebStep.Upload upload) throws TechnicalFailure {
    String reference = fill(upload.file(), ref);
    Path file = context.workspace().resolve(reference);
    if (!Files.isRegularFile(file)) {
      throw TechnicalFailure.permanent(String.format(UPLOAD_MISSING, reference, ref.index()));
    }
    finder.act(ref, upload.target(), State.PRESENT, timeout(upload.timeout()), e -> {
      e.sendKeys(file.toAbsolutePath().toString());
      return null;
    });
  }

  private String fill(String text, StepRef ref) {
    return placeholders.fill(text, ref.index(), ref.kind());
  }

  private Duration timeout(Duration stepTimeout) {
    return stepTimeout != null ? stepTimeout : defaultTimeout;
  }
}
