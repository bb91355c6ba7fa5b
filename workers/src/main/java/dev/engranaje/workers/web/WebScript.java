package dev.engranaje.workers.web;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A parsed web script: the browser it asks for (if any), the default wait per step and its steps.
 *
 * <p>Immutable.
 */
public record WebScript(Optional<BrowserKind> browser, Duration timeout, List<WebStep> steps) {
  public WebScript {
    steps = List.copyOf(steps);
  }
}
