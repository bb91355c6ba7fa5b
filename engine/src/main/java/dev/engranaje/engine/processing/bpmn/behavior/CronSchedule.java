package dev.engranaje.engine.processing.bpmn.behavior;

import com.cronutils.model.definition.CronDefinition;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Map;

/**
 * A 6-field cron expression as Zeebe reads a {@code timeCycle} (second, minute, hour, day of month,
 * month, day of week), with Spring's semantics, which Zeebe uses: {@code *}, {@code ?}, numbers,
 * ranges, lists, steps, month and weekday names, {@code L} (last day of the month, {@code L-3}, {@code
 * 5L} the last Friday), {@code W} (nearest weekday, {@code LW}), {@code #} ({@code MON#2}, the second
 * Monday); day of week 0 and 7 are Sunday; day of month and day of week must both match. The macros
 * {@code @yearly}, {@code @monthly}, {@code @weekly}, {@code @daily}, {@code @midnight} and {@code
 * @hourly} are accepted. Parsing and evaluation are cron-utils' ({@code CronType.SPRING53}); this class
 * only adds the macros and Zeebe's wording of errors. Evaluated in UTC unless a zone is given, so a
 * daily 07:00 in {@code Europe/Madrid} stays at 07:00 local time across daylight-saving changes.
 * Immutable and thread-safe.
 */
public final class CronSchedule {
  static final String INVALID = "Expected a cron expression with 6 fields (second minute hour day-of-month month"
      + " day-of-week) such as '0 0 7 * * MON-FRI', but got '%s'";
  static final String NEVER = "Expected cron expression '%s' to have a next occurrence, but it has none";

  private static final CronDefinition SPRING = CronDefinitionBuilder.instanceDefinitionFor(com.cronutils.model.CronType.SPRING53);
  private static final CronParser PARSER = new CronParser(SPRING);
  private static final Map<String, String> MACROS = Map.of(
      "@yearly", "0 0 0 1 1 *", "@annually", "0 0 0 1 1 *", "@monthly", "0 0 0 1 * *",
      "@weekly", "0 0 0 * * 0", "@daily", "0 0 0 * * *", "@midnight", "0 0 0 * * *", "@hourly", "0 0 * * * *");

  private final String text;
  private final ExecutionTime executionTime;

  private CronSchedule(String text, ExecutionTime executionTime) {
    this.text = text;
    this.executionTime = executionTime;
  }

  /** Parses a cron expression; throws {@link IllegalArgumentException} with the expected form. */
  public static CronSchedule parse(String text) {
    String trimmed = text.trim();
    String expanded = MACROS.getOrDefault(trimmed.toLowerCase(Locale.ROOT), trimmed);
    if (expanded.split("\\s+").length != 6) {
      throw new IllegalArgumentException(String.format(INVALID, text));
    }
    try {
      return new CronSchedule(trimmed, ExecutionTime.forCron(PARSER.parse(expanded).validate()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(String.format(INVALID, text), e);
    }
  }

  /** The first occurrence strictly after {@code afterMillis}, in epoch milliseconds, read in UTC. */
  public long nextAfter(long afterMillis) {
    return nextAfter(afterMillis, ZoneOffset.UTC);
  }

  /** The first occurrence strictly after {@code afterMillis}, in epoch milliseconds, read in {@code zone}. */
  public long nextAfter(long afterMillis, ZoneId zone) {
    ZonedDateTime after = Instant.ofEpochMilli(afterMillis).atZone(zone);
    return executionTime.nextExecution(after)
        .filter(next -> next.isAfter(after))
        .map(next -> next.toInstant().toEpochMilli())
        .orElseThrow(() -> new IllegalArgumentException(String.format(NEVER, text)));
  }

  @Override
  public String toString() {
    return text;
  }
}
