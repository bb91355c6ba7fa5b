package dev.engranaje.workers.finance.ledger;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * How the export's amounts turn into the sign of the settling bank entry (see {@link LedgerItem}):
 * {@code AS_IS} and {@code RECEIVABLE} keep the amount (an open receivable is money expected in,
 * positive; a credit note negative), {@code PAYABLE} negates it (an export of open payables lists
 * what is owed as positive amounts, which leave the account).
 */
public enum SignConvention {
  AS_IS,
  RECEIVABLE,
  PAYABLE;

  static final String UNKNOWN = "Expected 'sign' to be as-is, receivable or payable, but got '%s'";

  /** The convention named {@code text} ({@code as-is}, {@code receivable}, {@code payable}). */
  static SignConvention parse(String text) {
    if (text == null || text.isBlank()) {
      return AS_IS;
    }
    String name = text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    try {
      return valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(String.format(UNKNOWN, text), e);
    }
  }

  BigDecimal apply(BigDecimal amount) {
    return this == PAYABLE ? amount.negate() : amount;
  }
}
