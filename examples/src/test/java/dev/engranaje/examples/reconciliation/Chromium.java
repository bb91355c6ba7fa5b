package dev.engranaje.examples.reconciliation;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Whether the headless-Chromium runs can go ahead, decided as the workers' web tests decide it:
 * skipped when /usr/bin/chromium is missing, unless the system property {@code chromium.required} is
 * true (as in CI), then they fail.
 */
public final class Chromium {
  static final Path BINARY = Path.of("/usr/bin/chromium");

  private Chromium() {}

  /** Aborts (or fails, when required) a test that runs {@code browser} if it is Chromium and missing. */
  public static void assumeAvailable(String browser) {
    if (!"chromium".equals(browser) || Files.isExecutable(BINARY)) {
      return;
    }
    if (Boolean.getBoolean("chromium.required")) {
      throw new AssertionError("Expected Chromium at " + BINARY + " because chromium.required=true, but it is missing");
    }
    Assumptions.abort("Chromium is not installed at " + BINARY);
  }
}
