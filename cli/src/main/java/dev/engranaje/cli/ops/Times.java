package dev.engranaje.cli.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times as operators read and type them: tables show the local time zone's wall clock to the second
 * ({@code 2026-12-07 16:30:12}); JSON keeps ISO-8601 with the offset. Filters accept an ISO date-time
 * with or without offset (without: local time), a date (its midnight, local), or an age such as
 * {@code 15m}, {@code 2h}, {@code 7d} or {@code PT90M} meaning that long before now. Thread-safe.
 */
final class Times {
  static final String ACCEPTED = "an ISO date-time (2026-12-07T09:00, with or without offset), a date (2026-12-07),"
      + " or an age before now (30s, 15m, 2h, 7d, PT90M)";
  private static final DateTimeFormatter TABLE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
  private static final Pattern AGE = Pattern.compile("(\\d+)([smhd])");

  private final Clock clock;

  Times(Clock clock) {
    this.clock = clock;
  }

  static Times system() {
    return new Times(Clock.systemDefaultZone());
  }

  /** The wall-clock time in this machine's zone, or "" for null. */
  String table(OffsetDateTime time) {
    return time == null ? "" : time.atZoneSameInstant(zone()).format(TABLE);
  }

  /** Parses a filter bound; throws {@link IllegalArgumentException} naming what is accepted. */
  OffsetDateTime parse(String text) {
    String trimmed = text.trim();
    Matcher age = AGE.matcher(trimmed.toLowerCase(Locale.ROOT));
    if (age.matches()) {
      long amount = Long.parseLong(age.group(1));
      Duration duration = switch (age.group(2)) {
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        case "h" -> Duration.ofHours(amount);
        default -> Duration.ofDays(amount);
      };
      return now().minus(duration);
    }
    if (trimmed.startsWith("P") || trimmed.startsWith("p")) {
      return now().minus(parseOrFail(trimmed, () -> Duration.parse(trimmed)));
    }
    if (trimmed.length() == 10) {
      return parseOrFail(trimmed, () -> LocalDate.parse(trimmed).atStartOfDay(zone()).toOffsetDateTime());
    }
    try {
      return OffsetDateTime.parse(trimmed);
    } catch (DateTimeParseException noOffset) {
      return parseOrFail(trimmed, () -> LocalDateTime.parse(trimmed).atZone(zone()).toOffsetDateTime());
    }
  }

  OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }

  private ZoneId zone() {
    return clock.getZone();
  }

  private static <T> T parseOrFail(String text, java.util.function.Supplier<T> parser) {
    try {
      return parser.get();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("Expected " + ACCEPTED + ", but got '" + text + "'");
    }
  }
}
