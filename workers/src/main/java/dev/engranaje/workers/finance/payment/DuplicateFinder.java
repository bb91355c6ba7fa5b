package dev.engranaje.workers.finance.payment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether an invoice repeats an earlier one of the same supplier: the same number after {@linkplain
 * InvoiceNumbers#normalise(String) normalisation}, or the same amount and currency issued within
 * {@code windowDays} of it (a re-sent invoice under a new number). Stateless.
 */
public final class DuplicateFinder {
  /** The default window for the same-amount rule. */
  public static final int DEFAULT_WINDOW_DAYS = 7;

  private final int windowDays;

  public DuplicateFinder(int windowDays) {
    if (windowDays < 0) {
      throw new IllegalArgumentException("Expected a duplicate window of 0 days or more, but got " + windowDays);
    }
    this.windowDays = windowDays;
  }

  /**
   * An invoice as the rules see it.
   *
   * @param label how a message names it, e.g. {@code invoice INV-42 paid in run R-1}
   */
  public record Candidate(String supplierId, String invoiceNumber, BigDecimal amount, String currency,
      LocalDate issueDate, String label) {}

  /** Why {@code invoice} repeats {@code earlier}, or empty when it does not. */
  public Optional<String> repeats(Candidate invoice, Candidate earlier) {
    if (invoice.supplierId() == null || !invoice.supplierId().equals(earlier.supplierId())) {
      return Optional.empty();
    }
    String number = InvoiceNumbers.normalise(invoice.invoiceNumber());
    if (!number.isEmpty() && number.equals(InvoiceNumbers.normalise(earlier.invoiceNumber()))) {
      return Optional.of("it has the number of " + earlier.label() + " (both '" + number + "' without case,"
          + " separators and leading zeros)");
    }
    if (invoice.amount() != null && earlier.amount() != null && invoice.amount().compareTo(earlier.amount()) == 0
        && Objects.equals(invoice.currency(), earlier.currency()) && invoice.issueDate() != null
        && earlier.issueDate() != null
        && Math.abs(ChronoUnit.DAYS.between(invoice.issueDate(), earlier.issueDate())) <= windowDays) {
      return Optional.of("it has the amount " + invoice.amount().toPlainString() + " " + invoice.currency() + " of "
          + earlier.label() + ", issued within " + windowDays + " days of it (" + earlier.issueDate() + ")");
    }
    return Optional.empty();
  }
}
