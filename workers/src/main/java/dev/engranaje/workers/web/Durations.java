package dev.engranaje.workers.web;

import java.time.Duration;
import java.util.Locale;

/** Parses script durations: {@code 500ms}, {@code 10s}, {@code 2m}, a number of seconds or ISO-8601 ({@code PT10S}). */
final class Durations {
  private Durations() {}

  static Duration parse(String text) {
    String value = text.strip().toLowerCase(Locale.ROOT);
    Duration duration;
    if (value.startsWith("pt")) {
      duration = Duration.parse(value.toUpperCase(Locale.ROOT));
    } else if (value.endsWith("ms")) {
      duration = Duration.ofMillis(number(value, 2));
    } else if (value.endsWith("s")) {
      duration = Duration.ofSeconds(number(value, 1));
    } else if (value.endsWith("m")) {
      duration = Duration.ofMinutes(number(value, 1));
    } else {
      duration = Duration.ofSeconds(number(value, 0));
    }
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("Expected a positive duration, but got " + text);
    }
    return duration;
  }

  private static long number(String value, int suffix) {
    try {
      return Long.parseLong(value.substring(0, value.length() - suffix).strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Expected a duration, but got " + value, e);
    }
  }

  /** {@code 10s} or {@code 1500ms}, for messages. */
  static String format(Duration duration) {
    return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
  }
}
