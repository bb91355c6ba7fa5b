package dev.engranaje.engine.processing.bpmn.behavior;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A 6-field cron expression as Zeebe reads a {@code timeCycle} (second, minute, hour, day of month,
 * month, day of week), evaluated in UTC. Fields take {@code *}, {@code ?}, numbers, ranges {@code
 * a-b}, lists {@code a,b}, steps {@code * /n}, {@code a/n}, {@code a-b/n}, and month and weekday
 * names ({@code JAN}, {@code MON-FRI}); day of week 0 and 7 are Sunday. As in Spring's cron (which
 * Zeebe uses), day of month and day of week must both match. The macros {@code @yearly}, {@code
 * @monthly}, {@code @weekly}, {@code @daily}, {@code @midnight} and {@code @hourly} are accepted.
 * {@code L}, {@code W} and {@code #} are not supported. Immutable and thread-safe.
 */
public final class CronSchedule {
  static final String INVALID = "Expected a cron expression with 6 fields (second minute hour day-of-month month"
      + " day-of-week) such as '0 0 7 * * MON-FRI', but got '%s'";
  static final String NEVER = "Expected cron expression '%s' to have a next occurrence, but it has none";

  private static final Map<String, String> MACROS = Map.of(
      "@yearly", "0 0 0 1 1 *", "@annually", "0 0 0 1 1 *", "@monthly", "0 0 0 1 * *",
      "@weekly", "0 0 0 * * 0", "@daily", "0 0 0 * * *", "@midnight", "0 0 0 * * *", "@hourly", "0 0 * * * *");
  private static final List<String> MONTHS =
      List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
  private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
  /** Enough steps to search many years ahead; an expression that never matches (Feb 30) ends here. */
  private static final int MAX_STEPS = 200_000;

  private final String text;
  private final BitSet seconds;
  private final BitSet minutes;
  private final BitSet hours;
  private final BitSet daysOfMonth;
  private final BitSet months;
  private final BitSet daysOfWeek;

  private CronSchedule(String text, String[] fields) {
    this.text = text;
    this.seconds = field(text, fields[0], 0, 59, List.of(), 0);
    this.minutes = field(text, fields[1], 0, 59, List.of(), 0);
    this.hours = field(text, fields[2], 0, 23, List.of(), 0);
    this.daysOfMonth = field(text, fields[3], 1, 31, List.of(), 0);
    this.months = field(text, fields[4], 1, 12, MONTHS, 1);
    BitSet weekdays = field(text, fields[5], 0, 7, DAYS, 0);
    if (weekdays.get(7)) {
      weekdays.set(0);
    }
    this.daysOfWeek = weekdays;
  }

  /** Parses a cron expression; throws {@link IllegalArgumentException} with the expected form. */
  public static CronSchedule parse(String text) {
    String trimmed = text.trim();
    String expanded = MACROS.getOrDefault(trimmed.toLowerCase(Locale.ROOT), trimmed);
    String[] fields = expanded.split("\\s+");
    if (fields.length != 6) {
      throw new IllegalArgumentException(String.format(INVALID, text));
    }
    return new CronSchedule(trimmed, fields);
  }

  /** The first occurrence strictly after {@code afterMillis}, in epoch milliseconds. */
  public long nextAfter(long afterMillis) {
    ZonedDateTime t = Instant.ofEpochMilli(afterMillis).atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS)
        .plusSeconds(1);
    for (int step = 0; step < MAX_STEPS; step++) {
      if (!months.get(t.getMonthValue())) {
        t = t.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).plusMonths(1);
      } else if (!daysOfMonth.get(t.getDayOfMonth()) || !daysOfWeek.get(t.getDayOfWeek().getValue() % 7)) {
        t = t.truncatedTo(ChronoUnit.DAYS).plusDays(1);
      } else if (!hours.get(t.getHour())) {
        t = t.truncatedTo(ChronoUnit.HOURS).plusHours(1);
      } else if (!minutes.get(t.getMinute())) {
        t = t.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
      } else if (!seconds.get(t.getSecond())) {
        t = t.plusSeconds(1);
      } else {
        return t.toInstant().toEpochMilli();
      }
    }
    throw new IllegalArgumentException(String.format(NEVER, text));
  }

  private static BitSet field(String text, String field, int min, int max, List<String> names, int nameBase) {
    BitSet values = new BitSet(max + 1);
    for (String part : field.split(",", -1)) {
      int slash = part.indexOf('/');
      String range = slash < 0 ? part : part.substring(0, slash);
      int step = slash < 0 ? 1 : number(text, part.substring(slash + 1), names, nameBase);
      int from;
      int to;
      if (range.equals("*") || range.equals("?")) {
        from = min;
        to = max;
      } else if (range.contains("-")) {
        String[] bounds = range.split("-", -1);
        if (bounds.length != 2) {
          throw new IllegalArgumentException(String.format(INVALID, text));
        }
        from = number(text, bounds[0], names, nameBase);
        to = number(text, bounds[1], names, nameBase);
      } else {
        from = number(text, range, names, nameBase);
        to = slash < 0 ? from : max;
      }
      if (step < 1 || from < min || to > max || from > to) {
        throw new IllegalArgumentException(String.format(INVALID, text));
      }
      for (int value = from; value <= to; value += step) {
        values.set(value);
      }
    }
    return values;
  }

  private static int number(String text, String token, List<String> names, int nameBase) {
    int named = names.indexOf(token.toUpperCase(Locale.ROOT));
    if (named >= 0) {
      return named + nameBase;
    }
    try {
      return Integer.parseInt(token);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(String.format(INVALID, text), e);
    }
  }

  @Override
  public String toString() {
    return text;
  }
}
