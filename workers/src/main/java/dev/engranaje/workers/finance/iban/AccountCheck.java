package dev.engranaje.workers.finance.iban;

/**
 * The outcome of checking one IBAN or BIC: the value in electronic form (upper case, no spaces) and,
 * when it is not valid, why.
 *
 * @param input the value as given, never {@code null} (an absent value is the empty string)
 * @param normalised upper case without spaces; equal to what a payment file carries
 * @param problem {@code null} when valid, otherwise an "Expected …, but …" message
 */
public record AccountCheck(String input, String normalised, String problem) {

  /** {@code true} when the value passed every check. */
  public boolean valid() {
    return problem == null;
  }

  /**
   * Returns the normalised value, or throws when it is not valid.
   *
   * @throws IllegalArgumentException with {@link #problem()} as its message
   */
  public String require() {
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    return normalised;
  }
}
