package dev.engranaje.workers.http;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads an HTTP {@code Retry-After} header: delay-seconds ({@code 120}) or an IMF-fixdate ({@code
 * Wed, 21 Oct 2026 07:28:00 GMT}), relative to the given instant. A date in the past means no wait;
 * anything unreadable means the header is ignored (the exponential backoff applies). Stateless.
 */
final class RetryAfter {
  private RetryAfter() {}

  static Optional<Duration> parse(String value, Instant now) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String text = value.trim();
    if (text.chars().allMatch(Character::isDigit)) {
      try {
        return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
      } catch (NumberFormatException tooLarge) {
        return Optional.empty();
      }
    }
    try {
      Instant date = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration wait = Duration.between(now, date);
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    } catch (DateTimeParseException unreadable) {
      return Optional.empty();
    }
  }
}
