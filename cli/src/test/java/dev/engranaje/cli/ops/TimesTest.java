package dev.engranaje.cli.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TimesTest {
  private static final Times TIMES = new Times(Clock.fixed(Instant.parse("2026-12-07T12:00:00Z"), ZoneId.of("Europe/Madrid")));

  @Test
  void shouldReadAgesAsThatLongBeforeNow() {
    assertThat(TIMES.parse("15m").toInstant()).isEqualTo(Instant.parse("2026-12-07T11:45:00Z"));
    assertThat(TIMES.parse("2h").toInstant()).isEqualTo(Instant.parse("2026-12-07T10:00:00Z"));
    assertThat(TIMES.parse("7d").toInstant()).isEqualTo(Instant.parse("2026-11-30T12:00:00Z"));
    assertThat(TIMES.parse("PT90M").toInstant()).isEqualTo(Instant.parse("2026-12-07T10:30:00Z"));
  }

  @Test
  void shouldReadDatesAndDateTimesWithoutOffsetInTheLocalZone() {
    assertThat(TIMES.parse("2026-12-07").toInstant()).isEqualTo(Instant.parse("2026-12-06T23:00:00Z"));
    assertThat(TIMES.parse("2026-12-07T09:00").toInstant()).isEqualTo(Instant.parse("2026-12-07T08:00:00Z"));
    assertThat(TIMES.parse("2026-12-07T09:00:00Z").toInstant()).isEqualTo(Instant.parse("2026-12-07T09:00:00Z"));
  }

  @Test
  void shouldNameTheAcceptedFormsWhenATimeDoesNotParse() {
    assertThatThrownBy(() -> TIMES.parse("yesterday")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Expected " + Times.ACCEPTED + ", but got 'yesterday'");
  }

  @Test
  void shouldShowTablesInTheLocalZoneToTheSecond() {
    assertThat(TIMES.table(OffsetDateTime.parse("2026-07-01T10:15:30.123Z"))).isEqualTo("2026-07-01 12:15:30");
    assertThat(TIMES.table(null)).isEmpty();
  }
}
