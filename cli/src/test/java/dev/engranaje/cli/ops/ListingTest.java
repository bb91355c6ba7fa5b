package dev.engranaje.cli.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListingTest {
  private record Row(Long key, String name, OffsetDateTime started, String json) {}

  private static final Times MADRID = new Times(Clock.fixed(Instant.parse("2026-12-07T12:00:00Z"), ZoneId.of("Europe/Madrid")));
  private static final Listing<Row> LISTING = new Listing<>(List.of(
      Column.of("KEY", "key", Row::key),
      Column.wide("NAME", "name", Row::name, 10),
      Column.of("STARTED", "startDate", Row::started),
      Column.jsonOnly("value", row -> new RawJson(row.json()))), MADRID);

  private static final List<Row> ROWS = List.of(
      new Row(2251799813685251L, "short", OffsetDateTime.of(2026, 12, 7, 15, 30, 12, 0, ZoneOffset.UTC), "{\"a\":1}"),
      new Row(7L, "a name far too long\nwith a break", null, "\"x\""));

  @Test
  void shouldAlignColumnsCutLongValuesAndShowLocalTimesWhenPrintingATable() {
    // when
    String table = print(false, ROWS, 5);

    // then
    assertThat(table.lines().toList()).containsExactly(
        "KEY               NAME        STARTED",
        "2251799813685251  short       2026-12-07 16:30:12",
        "7                 a name fa…",
        "(2 of 5 things shown; raise --limit or narrow the filter)");
  }

  @Test
  void shouldWriteKeysAsStringsTimesAsIsoAndValuesAsJsonWhenPrintingJson() throws Exception {
    // when
    JsonNode document = Listing.JSON.readTree(print(true, ROWS, 5));

    // then
    assertThat(document.get("totalItems").asLong()).isEqualTo(5);
    JsonNode first = document.get("items").get(0);
    assertThat(first.get("key").isTextual()).isTrue();
    assertThat(first.get("key").asText()).isEqualTo("2251799813685251");
    assertThat(first.get("startDate").asText()).isEqualTo("2026-12-07T15:30:12Z");
    assertThat(first.get("value").get("a").asInt()).isEqualTo(1);
    JsonNode second = document.get("items").get(1);
    assertThat(second.get("name").asText()).isEqualTo("a name far too long\nwith a break");
    assertThat(second.get("startDate").isNull()).isTrue();
    assertThat(second.get("value").asText()).isEqualTo("x");
  }

  @Test
  void shouldSayNothingMatchesWhenThereAreNoRows() {
    assertThat(print(false, List.of(), 0)).isEqualTo("No things match." + System.lineSeparator());
    assertThat(print(true, List.of(), 0)).contains("\"items\" : [ ]", "\"totalItems\" : 0");
  }

  private static String print(boolean json, List<Row> rows, long total) {
    StringWriter text = new StringWriter();
    LISTING.print(new PrintWriter(text), json, rows, total, "things");
    return text.toString();
  }
}
