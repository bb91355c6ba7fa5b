package dev.engranaje.engine.expression;

import java.time.Duration;
import java.util.Objects;

/**
 * What one FEEL evaluation may spend. Immutable.
 *
 * @param maxTime wall-clock time of one evaluation; a longer one is interrupted. Default 2 s
 *     ({@code --max-feel-evaluation-time}).
 * @param maxAllocatedBytes bytes one evaluation may allocate (garbage included); more is
 *     interrupted. Default 256 MB ({@code --max-feel-evaluation-size}).
 * @param maxRangeItems items of one {@code for} range such as {@code 1..n}; FEEL builds the whole
 *     list at once, so a larger range is refused before it is built. Default 1,000,000
 *     ({@code --max-feel-range}).
 * @param maxResultBytes bytes of one result written as JSON; a result is a variable (or becomes
 *     one), so this is the variables limit of a command. Default 4 MB ({@code --max-variables-size}).
 */
public record FeelBudget(Duration maxTime, long maxAllocatedBytes, long maxRangeItems, long maxResultBytes) {

  public static final FeelBudget DEFAULTS =
      new FeelBudget(Duration.ofSeconds(2), 256L * 1024 * 1024, 1_000_000, 4L * 1024 * 1024);

  public FeelBudget {
    Objects.requireNonNull(maxTime, "maxTime");
    if (maxTime.isNegative() || maxTime.isZero() || maxAllocatedBytes <= 0 || maxRangeItems <= 0
        || maxResultBytes <= 0) {
      throw new IllegalArgumentException("Expected a positive FEEL budget, but got " + maxTime + ", "
          + maxAllocatedBytes + " bytes, " + maxRangeItems + " range items, " + maxResultBytes + " result bytes");
    }
  }
}
