package dev.engranaje.workers.runtime;

import java.time.Duration;

/**
 * Exponential backoff between retries of a failed job: {@code initial * multiplier^(attempt-1)},
 * capped at {@code max}. Defaults: 5 s, doubling, at most 5 min.
 */
public record Backoff(Duration initial, double multiplier, Duration max) {
  public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(5), 2.0, Duration.ofMinutes(5));

  public Backoff {
    if (initial.isNegative() || max.compareTo(initial) < 0 || multiplier < 1.0) {
      throw new IllegalArgumentException(
          "Expected 0 <= initial <= max and multiplier >= 1, but got " + initial + ", " + max + ", " + multiplier);
    }
  }

  /** The wait before attempt {@code attempt + 1}, after {@code attempt} failures (1-based). */
  public Duration after(int attempt) {
    double factor = Math.pow(multiplier, Math.max(0, attempt - 1));
    double millis = Math.min(max.toMillis(), initial.toMillis() * factor);
    return Duration.ofMillis((long) millis);
  }
}
