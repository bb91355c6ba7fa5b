package dev.engranaje.engine.processing.bpmn.behavior;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CronScheduleTest {

  @ParameterizedTest(name = "{0} after {1} is {2}")
  @CsvSource(delimiter = '|', value = {
      // a Friday morning: the next weekday at 07:00 is Monday
      "0 0 7 * * MON-FRI  | 2026-01-02T07:00:00Z | 2026-01-05T07:00:00Z",
      "0 0 7 * * MON-FRI  | 2026-01-05T06:59:59Z | 2026-01-05T07:00:00Z",
      "0 0 9-17 * * MON-FRI | 2026-01-05T17:00:00Z | 2026-01-06T09:00:00Z",
      "*/15 * * * * *     | 2026-01-05T10:00:14Z | 2026-01-05T10:00:15Z",
      "0 */10 * * * ?     | 2026-01-05T10:55:00Z | 2026-01-05T11:00:00Z",
      "0 0 0 29 FEB *     | 2026-01-01T00:00:00Z | 2028-02-29T00:00:00Z",
      "0 30 12 1,15 * *   | 2026-01-15T12:30:00Z | 2026-02-01T12:30:00Z",
      "0 0 8 * * 7        | 2026-01-05T00:00:00Z | 2026-01-11T08:00:00Z",
      "0 0 8 * * SUN      | 2026-01-05T00:00:00Z | 2026-01-11T08:00:00Z",
      "@daily             | 2026-01-05T10:00:00Z | 2026-01-06T00:00:00Z",
      "@hourly            | 2026-01-05T10:00:00.500Z | 2026-01-05T11:00:00Z",
      // Spring's extensions, which Zeebe accepts: last day, nearest weekday, nth weekday of the month
      "0 0 18 L * *       | 2026-02-10T00:00:00Z | 2026-02-28T18:00:00Z",
      "0 0 18 L-2 * *     | 2026-02-10T00:00:00Z | 2026-02-26T18:00:00Z",
      "0 0 9 LW * *       | 2026-01-01T00:00:00Z | 2026-01-30T09:00:00Z",
      "0 0 9 15W * *      | 2026-03-01T00:00:00Z | 2026-03-16T09:00:00Z",
      "0 0 9 * * MON#2    | 2026-01-01T00:00:00Z | 2026-01-12T09:00:00Z",
      "0 0 17 * * 5L      | 2026-01-01T00:00:00Z | 2026-01-30T17:00:00Z",
  })
  void shouldFindNextOccurrenceWhenExpressionIsValid(String cron, String after, String expected) {
    // given
    CronSchedule schedule = CronSchedule.parse(cron);

    // when
    long next = schedule.nextAfter(Instant.parse(after).toEpochMilli());

    // then
    assertThat(Instant.ofEpochMilli(next)).isEqualTo(Instant.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0 0 7 * *", "0 0 7 * * MON-FRI 2026", "60 * * * * *", "0 0 7 * * FOO", "0 0 5-2 * * *",
      "*/0 * * * * *", "0 0 7 32 * *", "0 0 7 ? * MON#X"})
  void shouldRejectWhenExpressionIsInvalid(String cron) {
    assertThatThrownBy(() -> CronSchedule.parse(cron))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Expected a cron expression with 6 fields (second minute hour day-of-month month day-of-week)"
            + " such as '0 0 7 * * MON-FRI', but got '" + cron + "'");
  }

  @Test
  void shouldKeepLocalTimeAcrossDaylightSavingWhenZoneIsGiven() {
    // given: 07:00 in Madrid is 06:00 UTC in winter and 05:00 UTC in summer (clocks moved on 2026-03-29)
    CronSchedule schedule = CronSchedule.parse("0 0 7 * * *");
    java.time.ZoneId madrid = java.time.ZoneId.of("Europe/Madrid");

    // when
    long winter = schedule.nextAfter(Instant.parse("2026-03-28T00:00:00Z").toEpochMilli(), madrid);
    long summer = schedule.nextAfter(Instant.parse("2026-03-29T00:00:00Z").toEpochMilli(), madrid);

    // then
    assertThat(Instant.ofEpochMilli(winter)).isEqualTo(Instant.parse("2026-03-28T06:00:00Z"));
    assertThat(Instant.ofEpochMilli(summer)).isEqualTo(Instant.parse("2026-03-29T05:00:00Z"));
  }

  @Test
  void shouldRejectWhenExpressionNeverOccurs() {
    // given
    CronSchedule schedule = CronSchedule.parse("0 0 0 30 FEB *");

    // when / then
    assertThatThrownBy(() -> schedule.nextAfter(0))
        .hasMessage("Expected cron expression '0 0 0 30 FEB *' to have a next occurrence, but it has none");
  }

  @Test
  void shouldResumeCycleFromNowWhenRepeatingIntervalFellBehind() {
    // given: a one-minute cycle due at minute 1, fired late at minute 3.5
    long minute = 60_000;

    // when
    TimerSchedule next = TimerSchedule.following("R/PT1M", minute, -1, 3 * minute + minute / 2);

    // then: the first occurrence after now, and no repetitions used up by the missed ones
    assertThat(next.dueDate()).isEqualTo(4 * minute);
    assertThat(next.repetitions()).isEqualTo(-1);
  }

  @Test
  void shouldKeepToStartDateGridWhenCycleHasStartDate() {
    // given: a daily cycle from 07:00 that fired late
    long fired = Instant.parse("2026-03-10T09:30:00Z").toEpochMilli();

    // when
    TimerSchedule next = TimerSchedule.following("R/2026-01-01T07:00:00Z/P1D", fired, -1, fired);

    // then
    assertThat(Instant.ofEpochMilli(next.dueDate())).isEqualTo(Instant.parse("2026-03-11T07:00:00Z"));
  }

  @Test
  void shouldStopWhenRepetitionsAreUsedUp() {
    assertThat(TimerSchedule.following("R1/PT10S", 0, 1, 0)).isNull();
    assertThat(TimerSchedule.following("R3/PT10S", 10_000, 3, 10_000).repetitions()).isEqualTo(2);
  }
}
