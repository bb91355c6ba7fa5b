package dev.engranaje.workers.finance.pain001;

import java.util.List;

/**
 * A payment run that cannot become a valid pain.001 file, or a pain.001 file that cannot be read.
 * Carries every problem found, each an "Expected …, but …" sentence naming the payment, field, or
 * file position.
 */
public final class Pain001Exception extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<String> problems;

  /** An exception for the problems, at least one. */
  public Pain001Exception(List<String> problems) {
    super(String.join(" ", problems));
    this.problems = List.copyOf(problems);
  }

  /** The problems, in the order found. */
  public List<String> problems() {
    return problems;
  }
}
