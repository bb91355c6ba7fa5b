package dev.engranaje.test.scenario;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The outcome of one scenario.
 *
 * @param file the scenario file
 * @param name the scenario's name (or the file's name when the file itself could not be read)
 * @param outcome passed, failed (an expectation did not hold) or broken (the scenario or its model is wrong)
 * @param reason why it failed or is broken; empty when it passed
 * @param recordLog the instance's record log when it ran; empty otherwise
 * @param took wall time
 */
public record ScenarioResult(Path file, String name, Outcome outcome, String reason, String recordLog, Duration took) {
  public enum Outcome { PASSED, FAILED, BROKEN }

  public boolean passed() {
    return outcome == Outcome.PASSED;
  }
}
