package dev.engranaje.workers.web;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Whether a browser kind can run here. Chromium tests are skipped when /usr/bin/chromium is missing,
 * unless the system property {@code chromium.required} is true (as in CI): then they fail.
 */
final class Browsers {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  private Browsers() {}

  static void assumeAvailable(BrowserKind kind) {
    if (kind != BrowserKind.CHROMIUM || Files.isExecutable(CHROMIUM)) {
      return;
    }
    if (Boolean.getBoolean("chromium.required")) {
      throw new AssertionError("Expected Chromium at " + CHROMIUM + " because chromium.required=true, but it is missing");
    }
    Assumptions.abort("Chromium is not installed at " + CHROMIUM);
  }
}
