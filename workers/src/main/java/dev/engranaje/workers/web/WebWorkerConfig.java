package dev.engranaje.workers.web;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@link RunWebScriptWorker} runs browsers. Defaults ({@link #DEFAULT}): HtmlUnit unless the
 * script or job asks for Chromium; Chromium at {@code /usr/bin/chromium} with {@code
 * /usr/bin/chromedriver}; 10 s wait per step; at most 2 idle sessions kept per browser kind; a
 * session is retired after 50 jobs.
 *
 * <p>Immutable; no field is null.
 */
public record WebWorkerConfig(
    BrowserKind defaultBrowser, Path chromiumBinary, Path chromedriver, Duration defaultTimeout, int maxIdleSessions,
    int maxUsesPerSession) {

  public static final WebWorkerConfig DEFAULT = new WebWorkerConfig(BrowserKind.HTMLUNIT, Path.of("/usr/bin/chromium"),
      Path.of("/usr/bin/chromedriver"), Duration.ofSeconds(10), 2, 50);

  public WebWorkerConfig {
    Objects.requireNonNull(defaultBrowser, "defaultBrowser");
    Objects.requireNonNull(chromiumBinary, "chromiumBinary");
    Objects.requireNonNull(chromedriver, "chromedriver");
    if (defaultTimeout == null || defaultTimeout.isNegative() || defaultTimeout.isZero()) {
      throw new IllegalArgumentException("Expected a positive default step timeout, but got " + defaultTimeout);
    }
    if (maxIdleSessions < 0 || maxUsesPerSession < 1) {
      throw new IllegalArgumentException("Expected maxIdleSessions >= 0 and maxUsesPerSession >= 1, but got "
          + maxIdleSessions + " and " + maxUsesPerSession);
    }
  }

  public WebWorkerConfig withDefaultBrowser(BrowserKind value) {
    return new WebWorkerConfig(value, chromiumBinary, chromedriver, defaultTimeout, maxIdleSessions, maxUsesPerSession);
  }

  public WebWorkerConfig withDefaultTimeout(Duration value) {
    return new WebWorkerConfig(defaultBrowser, chromiumBinary, chromedriver, value, maxIdleSessions, maxUsesPerSession);
  }

  public WebWorkerConfig withPool(int idle, int uses) {
    return new WebWorkerConfig(defaultBrowser, chromiumBinary, chromedriver, defaultTimeout, idle, uses);
  }
}
