package dev.engranaje.workers.spreadsheet;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;

/**
 * Writes records as JSON Lines, the data-file format of the spreadsheet workers: UTF-8, one JSON
 * object per line, keys are the field names in column order, values are strings, exact decimal
 * numbers (written in plain notation with their scale, e.g. {@code 1250.10}), whole numbers, {@code
 * true}/{@code false}, {@code null} for a blank cell, and ISO-8601 strings for dates ({@code
 * "2026-11-27"}) and date-times ({@code "2026-11-27T10:15:00"}).
 *
 * <p>Not thread-safe; close it to flush.
 */
final class JsonLinesWriter implements AutoCloseable {
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

  private final JsonGenerator generator;

  JsonLinesWriter(Path file) throws IOException {
    OutputStream out = Files.newOutputStream(file);
    this.generator = FACTORY.createGenerator(new java.io.BufferedOutputStream(out, 64 * 1024), JsonEncoding.UTF8);
    generator.setRootValueSeparator(null);
  }

  void write(Map<String, Object> record) throws IOException {
    generator.writeStartObject();
    for (Map.Entry<String, Object> field : record.entrySet()) {
      generator.writeFieldName(field.getKey());
      writeValue(field.getValue());
    }
    generator.writeEndObject();
    generator.writeRaw('\n');
  }

  private void writeValue(Object value) throws IOException {
    if (value == null) {
      generator.writeNull();
    } else if (value instanceof String text) {
      generator.writeString(text);
    } else if (value instanceof BigDecimal decimal) {
      generator.writeNumber(decimal);
    } else if (value instanceof Long number) {
      generator.writeNumber(number);
    } else if (value instanceof Integer number) {
      generator.writeNumber(number);
    } else if (value instanceof Boolean bool) {
      generator.writeBoolean(bool);
    } else if (value instanceof LocalDate || value instanceof LocalDateTime) {
      generator.writeString(value.toString());
    } else if (value instanceof Number number) {
      generator.writeNumber(new BigDecimal(number.toString()));
    } else {
      generator.writeString(value.toString());
    }
  }

  @Override
  public void close() throws IOException {
    generator.close();
  }
}
