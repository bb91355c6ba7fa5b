package dev.engranaje.examples.invoice;

import java.time.Duration;
import java.util.List;

/**
 * What a demo run did and found.
 *
 * @param problems variables that were not as expected, one line each; empty when all is right
 */
public record DemoReport(int started, int processed, int rejected, int incidentsRepaired, List<String> problems,
    Duration took) {

  public boolean succeeded() {
    return problems.isEmpty() && processed + rejected == started;
  }
}
