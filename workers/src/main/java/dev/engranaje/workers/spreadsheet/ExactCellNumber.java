package dev.engranaje.workers.spreadsheet;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The double an xlsx number cell would hold for a decimal, only when it holds that decimal exactly.
 * Excel keeps 15 significant digits; anything longer (or not representable) would be silently
 * rounded, so callers write such an amount as text instead.
 */
public final class ExactCellNumber {

  private static final int EXCEL_DIGITS = 15;

  private ExactCellNumber() {}

  public static Optional<Double> of(BigDecimal decimal) {
    double number = decimal.doubleValue();
    if (Double.isInfinite(number) || decimal.stripTrailingZeros().precision() > EXCEL_DIGITS) {
      return Optional.empty();
    }
    return new BigDecimal(Double.toString(number)).compareTo(decimal) == 0 ? Optional.of(number) : Optional.empty();
  }
}
