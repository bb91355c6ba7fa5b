package dev.engranaje.workers.finance.statement;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

/**
 * The normalised statement file as JSON, to hand statements between workers through workspace
 * files. Amounts are exact decimal strings ({@code "-1234.50"}, never JSON numbers, which a reader
 * may turn into doubles), dates ISO ({@code "2026-11-27"}), statuses {@code BOOKED|PENDING|INFO}.
 * The field names are those of the records ({@link StatementFile}, {@link BankStatement}, {@link
 * StatementEntry}, …); absent values are written as {@code null}.
 */
public final class StatementJson {
  static final String UNREADABLE = "Expected a statement file as JSON, but %s";

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .addModule(new SimpleModule("exact-decimals")
          .addSerializer(BigDecimal.class, new DecimalAsString())
          .addDeserializer(BigDecimal.class, new DecimalFromString()))
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
      .disable(com.fasterxml.jackson.core.JsonParser.Feature.AUTO_CLOSE_SOURCE)
      .build();

  private StatementJson() {}

  /** Writes {@code file} to {@code out} (UTF-8); {@code out} stays open. */
  public static void write(StatementFile file, OutputStream out) {
    try {
      MAPPER.writeValue(out, file);
    } catch (IOException e) {
      throw new UncheckedIOException("Expected to write the statement JSON of '" + file.source() + "', but " + e.getMessage(), e);
    }
  }

  /** Reads a statement file written by {@link #write}; {@code in} stays open. */
  public static StatementFile read(InputStream in) throws IOException {
    try {
      return MAPPER.readValue(in, StatementFile.class);
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new IOException(String.format(UNREADABLE, e.getOriginalMessage()), e);
    }
  }

  private static final class DecimalAsString extends JsonSerializer<BigDecimal> {
    @Override
    public void serialize(BigDecimal value, JsonGenerator generator, SerializerProvider provider) throws IOException {
      generator.writeString(value.toPlainString());
    }
  }

  private static final class DecimalFromString extends JsonDeserializer<BigDecimal> {
    @Override
    public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      String text = parser.getValueAsString();
      if (text == null) {
        return (BigDecimal) context.handleUnexpectedToken(BigDecimal.class, parser);
      }
      try {
        return new BigDecimal(text.trim());
      } catch (NumberFormatException e) {
        return (BigDecimal) context.handleWeirdStringValue(BigDecimal.class, text, "Expected an exact decimal string");
      }
    }
  }
}
