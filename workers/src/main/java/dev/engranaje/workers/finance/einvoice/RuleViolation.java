package dev.engranaje.workers.finance.einvoice;

/**
 * A business rule an invoice breaks, named by its EN 16931 id ({@code BR-CO-15}, {@code BR-S-09},
 * {@code BR-DEC-23}, …) or, for the one check that is Engranaje's own, {@value En16931Check#LINE_NET}.
 *
 * @param rule the rule id
 * @param severity {@link Severity#FATAL} refuses the invoice; {@link Severity#WARNING} is recorded only
 * @param message what is wrong: "Expected …, but …", with the business terms and amounts
 * @param position where in the file ({@code line L, column C (path)}), or {@code null} when the term is absent
 */
public record RuleViolation(String rule, Severity severity, String message, String position) {

  /** Whether a violation refuses the invoice. */
  public enum Severity {
    /** The invoice is refused ({@code EINVOICE_INVALID}). */
    FATAL,
    /** Recorded in the normalised invoice, the invoice is still read. */
    WARNING
  }

  /** {@code [BR-CO-15] message (at position)}. */
  public String describe() {
    return "[" + rule + "] " + message + (position == null ? "" : " (at " + position + ")");
  }
}
