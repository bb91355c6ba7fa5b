package dev.engranaje.workers.finance.reconcile;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How far a bank total may differ from a ledger total and still match: at most {@code absolute} and at
 * most {@code percent} per cent of the ledger total, both bounds applying. The difference is then
 * reported as a fee or write-off line ({@link MatchGroup#difference()}).
 *
 * @param absolute the largest difference in currency units, never negative ({@code 0} = exact)
 * @param percent the largest difference as a percentage of the ledger total, never negative
 */
public record Tolerance(BigDecimal absolute, BigDecimal percent) {
  /** No difference allowed. */
  public static final Tolerance EXACT = new Tolerance(BigDecimal.ZERO, BigDecimal.ZERO);

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /** Whether the tolerance allows any difference at all. */
  public boolean isExact() {
    return absolute.signum() == 0 || percent.signum() == 0;
  }

  /** The largest difference allowed against {@code ledgerTotal}, in thousandths of a unit. */
  long allowedMillis(long ledgerTotalMillis) {
    if (isExact()) {
      return 0;
    }
    long byAbsolute = absolute.movePointRight(3).setScale(0, RoundingMode.FLOOR).longValueExact();
    long byPercent = percent.multiply(BigDecimal.valueOf(Math.abs(ledgerTotalMillis)))
        .divide(HUNDRED, 0, RoundingMode.FLOOR).longValueExact();
    return Math.min(byAbsolute, byPercent);
  }

  /** An upper bound of {@link #allowedMillis} for ledger totals near {@code bankTotalMillis}, for index ranges. */
  long searchMillis(long bankTotalMillis) {
    if (isExact()) {
      return 0;
    }
    return absolute.movePointRight(3).setScale(0, RoundingMode.CEILING).longValueExact();
  }

  /** Whether {@code bankMillis - ledgerMillis} is allowed. */
  boolean allows(long bankMillis, long ledgerMillis) {
    return Math.abs(bankMillis - ledgerMillis) <= allowedMillis(ledgerMillis);
  }
}
