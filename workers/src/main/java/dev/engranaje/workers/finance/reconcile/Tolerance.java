package dev.engranaje.workers.finance.reconcile;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * How far a bank total may differ from a ledger total and still match: at most {@code absolute} and at
 * most {@code percent} per cent of the ledger total, both bounds applying. The difference is then
 * reported as a fee or write-off line ({@link MatchGroup#difference()}). Immutable; the bounds are
 * turned into whole thousandths once, so the matcher's inner loops compare {@code long}s.
 */
public final class Tolerance {
  /** No difference allowed. */
  public static final Tolerance EXACT = new Tolerance(BigDecimal.ZERO, BigDecimal.ZERO);

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final BigDecimal absolute;
  private final BigDecimal percent;
  private final boolean exact;
  private final long absoluteFloorMillis;
  private final long absoluteCeilingMillis;
  // percent / 100 = percentUnscaled / percentDivisor when both fit a long (else BigDecimal arithmetic)
  private final long percentUnscaled;
  private final long percentDivisor;
  private final boolean percentInLongs;

  /**
   * @param absolute the largest difference in currency units, never negative ({@code 0} = exact)
   * @param percent the largest difference as a percentage of the ledger total, never negative
   */
  public Tolerance(BigDecimal absolute, BigDecimal percent) {
    this.absolute = Objects.requireNonNull(absolute, "absolute");
    this.percent = Objects.requireNonNull(percent, "percent");
    this.exact = absolute.signum() == 0 || percent.signum() == 0;
    this.absoluteFloorMillis = exact ? 0 : absolute.movePointRight(3).setScale(0, RoundingMode.FLOOR).longValueExact();
    this.absoluteCeilingMillis = exact ? 0
        : absolute.movePointRight(3).setScale(0, RoundingMode.CEILING).longValueExact();
    BigDecimal plain = percent.stripTrailingZeros();
    if (plain.scale() < 0) {
      plain = plain.setScale(0, RoundingMode.UNNECESSARY);
    }
    boolean inLongs = plain.scale() <= 15 && plain.unscaledValue().bitLength() <= 31;
    long unscaled = inLongs ? plain.unscaledValue().longValueExact() : 0;
    long divisor = inLongs ? 100 * BigDecimal.ONE.movePointRight(plain.scale()).longValueExact() : 0;
    this.percentUnscaled = unscaled;
    this.percentDivisor = divisor;
    this.percentInLongs = inLongs;
  }

  /** The largest difference in currency units. */
  public BigDecimal absolute() {
    return absolute;
  }

  /** The largest difference as a percentage of the ledger total. */
  public BigDecimal percent() {
    return percent;
  }

  /** Whether the tolerance allows any difference at all. */
  public boolean isExact() {
    return exact;
  }

  /** The largest difference allowed against {@code ledgerTotal}, in thousandths of a unit. */
  long allowedMillis(long ledgerTotalMillis) {
    if (exact) {
      return 0;
    }
    long magnitude = Math.abs(ledgerTotalMillis);
    long byPercent;
    if (percentInLongs && Math.multiplyHigh(percentUnscaled, magnitude) == 0 && percentUnscaled * magnitude >= 0) {
      byPercent = (percentUnscaled * magnitude) / percentDivisor; // both non-negative: division floors
    } else {
      byPercent = percent.multiply(BigDecimal.valueOf(magnitude)).divide(HUNDRED, 0, RoundingMode.FLOOR)
          .longValueExact();
    }
    return Math.min(absoluteFloorMillis, byPercent);
  }

  /** An upper bound of {@link #allowedMillis} for ledger totals near {@code bankTotalMillis}, for index ranges. */
  long searchMillis(long bankTotalMillis) {
    return absoluteCeilingMillis;
  }

  /** Whether {@code bankMillis - ledgerMillis} is allowed. */
  boolean allows(long bankMillis, long ledgerMillis) {
    long difference = Math.abs(bankMillis - ledgerMillis);
    return difference == 0 || difference <= allowedMillis(ledgerMillis);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Tolerance that && absolute.equals(that.absolute) && percent.equals(that.percent);
  }

  @Override
  public int hashCode() {
    return Objects.hash(absolute, percent);
  }

  @Override
  public String toString() {
    return "Tolerance[absolute=" + absolute + ", percent=" + percent + "]";
  }
}
