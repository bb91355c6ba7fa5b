package dev.engranaje.engine.processing.bpmn.behavior;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/**
 * A timer's due date and repetitions from ISO-8601 text: a date-time, a duration ({@code PT15S},
 * {@code P14DT1H}, {@code P1M}) or a repeating interval ({@code R3/PT10S}, {@code R/P1D}, {@code
 * R3/2024-01-01T10:00Z/P1D}).
 *
 * @param repetitions -1 for unbounded, otherwise how many times the timer fires
 */
public record TimerSchedule(long dueDate, int repetitions, String interval) {

  public static TimerSchedule date(String text) {
    return new TimerSchedule(parseDateTime(text).toInstant().toEpochMilli(), 1, null);
  }

  public static TimerSchedule duration(String text, long now) {
    return new TimerSchedule(addDuration(now, text.trim()), 1, null);
  }

  public static TimerSchedule cycle(String text, long now) {
    String[] parts = text.trim().split("/");
    if (!text.trim().startsWith("R")) {
      return new TimerSchedule(CronSchedule.parse(text).nextAfter(now), -1, null);
    }
    if (parts.length < 2) {
      throw new IllegalArgumentException("Expected a repeating interval like 'R3/PT10S', but got '" + text + "'");
    }
    String count = parts[0].substring(1);
    int repetitions = count.isEmpty() ? -1 : Integer.parseInt(count);
    if (parts.length == 3) {
      long start = parseDateTime(parts[1]).toInstant().toEpochMilli();
      return new TimerSchedule(Math.max(start, now), repetitions, parts[2]);
    }
    return new TimerSchedule(addDuration(now, parts[1]), repetitions, parts[1]);
  }

  /**
   * The schedule of a cycle timer after it fired, or null when no repetition is left. The next due
   * date is the first occurrence of the cycle after {@code now}: a cycle that fell behind (the
   * engine was down) fired once and resumes from now, it never fires a burst of missed occurrences.
   * A cycle with a start date keeps to the grid of that start date.
   *
   * @param cycle the cycle's text ({@code R3/PT10S}, {@code R/2025-01-01T07:00:00Z/P1D} or cron)
   * @param firedDue the due date of the timer that fired
   * @param repetitions the repetitions the fired timer had left, including the one that fired
   */
  public static TimerSchedule following(String cycle, long firedDue, int repetitions, long now) {
    String text = cycle.trim();
    if (!text.startsWith("R")) {
      return new TimerSchedule(CronSchedule.parse(text).nextAfter(Math.max(firedDue, now)), -1, null);
    }
    String[] parts = text.split("/");
    TimerSchedule fired = new TimerSchedule(firedDue, repetitions, parts[parts.length - 1]);
    if (parts.length == 3) {
      long start = parseDateTime(parts[1]).toInstant().toEpochMilli();
      if (start < firedDue) {
        fired = new TimerSchedule(start, repetitions, fired.interval());
      }
    }
    return fired.next(Math.max(firedDue, now));
  }

  /** The schedule after this one fired at {@code now}, or null when no repetition is left. */
  public TimerSchedule next(long now) {
    if (interval == null || repetitions == 1 || repetitions == 0) {
      return null;
    }
    int left = repetitions < 0 ? -1 : repetitions - 1;
    long due = addDuration(dueDate, interval);
    // a cycle that fell behind (engine was down) fires once, then resumes from now
    long step = due - dueDate;
    if (due <= now && step > 0 && !hasCalendarPart(interval)) {
      due += ((now - due) / step) * step; // skip whole missed steps at once; the loop does the rest
    }
    while (due <= now) {
      due = addDuration(due, interval);
    }
    return new TimerSchedule(due, left, interval);
  }

  static long addDuration(long from, String text) {
    String iso = text.trim();
    if (!iso.startsWith("P") && !iso.startsWith("-P")) {
      throw new IllegalArgumentException("Expected an ISO-8601 duration like 'PT15S', but got '" + text + "'");
    }
    int t = iso.indexOf('T');
    String datePart = t < 0 ? iso : iso.substring(0, t);
    boolean hasCalendarPart = hasCalendarPart(iso);
    try {
      if (!hasCalendarPart) {
        return from + Duration.parse(iso).toMillis();
      }
      ZonedDateTime start = Instant.ofEpochMilli(from).atZone(ZoneOffset.UTC);
      ZonedDateTime afterPeriod = start.plus(Period.parse(datePart));
      if (t >= 0) {
        afterPeriod = afterPeriod.plus(Duration.parse("P" + iso.substring(t)));
      }
      return afterPeriod.toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("Expected an ISO-8601 duration like 'PT15S', but got '" + text + "'", e);
    }
  }

  private static boolean hasCalendarPart(String iso) {
    int t = iso.indexOf('T');
    String datePart = t < 0 ? iso : iso.substring(0, t);
    return datePart.contains("Y") || datePart.contains("M") || datePart.contains("W");
  }

  private static ZonedDateTime parseDateTime(String text) {
    String iso = text.trim();
    try {
      return ZonedDateTime.parse(iso);
    } catch (DateTimeParseException notZoned) {
      try {
        return OffsetDateTime.parse(iso).toZonedDateTime();
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("Expected an ISO-8601 date-time like '2025-03-01T09:00:00Z', but got '" + text + "'", e);
      }
    }
  }
}
