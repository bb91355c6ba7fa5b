package dev.engranaje.workers.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExactNumbersTest {
  @TempDir Path dir;

  @Test
  void shouldDropBinaryFloatArtefactsWhenReadingStoredNumberText() {
    assertThat(XlsxStreamReader.exact("0.30000000000000004")).isEqualTo(new BigDecimal("0.3"));
    assertThat(XlsxStreamReader.exact("1250.0999999999999")).isEqualTo(new BigDecimal("1250.1"));
    assertThat(XlsxStreamReader.exact("1.5E3")).isEqualTo(new BigDecimal("1500"));
    assertThat(XlsxStreamReader.exact("42")).isEqualTo(new BigDecimal("42"));
  }

  @Test
  void shouldShowFifteenSignificantDigitsWhenConvertingADouble() {
    assertThat(CellValues.decimal(0.1 + 0.2)).isEqualTo(new BigDecimal("0.3"));
    assertThat(CellValues.decimal(-12.5)).isEqualTo(new BigDecimal("-12.5"));
    assertThat(CellValues.decimal(1e20)).isEqualTo(new BigDecimal("100000000000000000000"));
  }

  @Test
  void shouldWriteExactDecimalsAndIsoDatesWhenWritingJsonLines() throws Exception {
    Path file = dir.resolve("rows.jsonl");
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("amount", new BigDecimal("1250.10"));
    row.put("big", new BigDecimal("1E+3"));
    row.put("issued", LocalDate.of(2026, 11, 27));
    row.put("booked", LocalDateTime.of(2026, 11, 27, 10, 15));
    row.put("note", null);
    try (JsonLinesWriter writer = new JsonLinesWriter(file)) {
      writer.write(row);
    }

    assertThat(Files.readString(file)).isEqualTo(
        "{\"amount\":1250.10,\"big\":1000,\"issued\":\"2026-11-27\",\"booked\":\"2026-11-27T10:15\",\"note\":null}\n");
  }
}
