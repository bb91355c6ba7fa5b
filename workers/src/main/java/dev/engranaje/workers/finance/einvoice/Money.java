package dev.engranaje.workers.finance.einvoice;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The arithmetic the EN 16931 rules use: sums of stated amounts, a stated value compared with a
 * computed one, where the stated value may be the computed one rounded to two decimals in either
 * direction (EN 16931 asks for rounding to the currency's two decimals without fixing the method, so
 * at exactly half a cent both neighbours are accepted).
 */
final class Money {
  static final BigDecimal HALF_CENT = new BigDecimal("0.005");
  static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private Money() {}

  /** {@code null} as zero. */
  static BigDecimal orZero(BigDecimal value) {
    return value == null ? BigDecimal.ZERO : value;
  }

  /** Whether {@code stated} is {@code computed} rounded to two decimals. */
  static boolean matches(BigDecimal stated, BigDecimal computed) {
    return stated.subtract(computed).abs().compareTo(HALF_CENT) <= 0;
  }

  /** {@code computed} as two decimals for messages (four when it has more, so nothing is hidden). */
  static String show(BigDecimal computed) {
    BigDecimal shown = computed.scale() <= 2 ? computed.setScale(2, RoundingMode.UNNECESSARY) : computed.stripTrailingZeros();
    return (shown.scale() < 2 ? shown.setScale(2, RoundingMode.UNNECESSARY) : shown).toPlainString();
  }

  /** {@code stated - computed}, signed, for messages. */
  static String difference(BigDecimal stated, BigDecimal computed) {
    BigDecimal difference = stated.subtract(computed);
    return (difference.signum() > 0 ? "+" : "") + show(difference);
  }

  /** The tax of {@code base} at {@code ratePercent}, exact (not rounded). */
  static BigDecimal tax(BigDecimal base, BigDecimal ratePercent) {
    return base.multiply(ratePercent).divide(HUNDRED);
  }
}
