package dev.engranaje.engine.model.validation;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.regex.Pattern;

/** Parses static (non-FEEL) timer values: ISO-8601 durations, dates, repeating intervals, cron. */
final class TimerExpressions {

  private static final Pattern REPETITIONS = Pattern.compile("R\\d*");
  private static final Pattern CRON_FIELD = Pattern.compile("[0-9A-Za-z*?/,#\\-]+");
  private static final Set<String> CRON_MACROS =
      Set.of("@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly");
  private static final int CRON_FIELDS = 6;

  private TimerExpressions() {}

  /** An ISO-8601 duration such as {@code PT15S} or {@code P1Y2M3DT4H}. */
  static boolean isDuration(String value) {
    String text = value.trim();
    if (!text.startsWith("P") || text.length() < 2) {
      return false;
    }
    int time = text.indexOf('T');
    String datePart = time < 0 ? text : text.substring(0, time);
    String timePart = time < 0 ? "" : text.substring(time);
    try {
      if (datePart.length() > 1) {
        Period.parse(datePart);
      }
      if (!timePart.isEmpty()) {
        Duration.parse("P" + timePart);
      }
      return datePart.length() > 1 || !timePart.isEmpty();
    } catch (DateTimeException e) {
      return false;
    }
  }

  /** An ISO-8601 date-time with an offset or zone, such as {@code 2025-01-01T10:00:00Z}. */
  static boolean isDate(String value) {
    try {
      ZonedDateTime.parse(value.trim());
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  /** An ISO-8601 repeating interval ({@code R5/PT10S}, {@code R/2025-01-01T10:00Z/P1D}) or cron. */
  static boolean isCycle(String value) {
    String text = value.trim();
    if (text.startsWith("R")) {
      String[] parts = text.split("/", -1);
      if (!REPETITIONS.matcher(parts[0]).matches()) {
        return false;
      }
      return switch (parts.length) {
        case 2 -> isDuration(parts[1]);
        case 3 -> isDate(parts[1]) && isDuration(parts[2]);
        default -> false;
      };
    }
    return isCron(text);
  }

  private static boolean isCron(String text) {
    if (CRON_MACROS.contains(text)) {
      return true;
    }
    String[] fields = text.split("\\s+");
    if (fields.length != CRON_FIELDS) {
      return false;
    }
    for (String field : fields) {
      if (!CRON_FIELD.matcher(field).matches()) {
        return false;
      }
    }
    return true;
  }
}
