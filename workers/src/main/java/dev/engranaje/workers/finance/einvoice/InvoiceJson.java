package dev.engranaje.workers.finance.einvoice;

import com.fasterxml.jackson.core.JacksonException;
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
import java.math.BigDecimal;

/**
 * The normalised invoice file as JSON ({@link CheckedInvoice}), to hand invoices between workers
 * through workspace files. Amounts are exact decimal strings as stated in the invoice ({@code
 * "1656.25"}, never JSON numbers), dates ISO, the format {@code ubl|cii|factur-x}; field names are those
 * of the records; absent values are {@code null}. Thread-safe.
 */
public final class InvoiceJson {
  static final String UNREADABLE = "Expected a normalised invoice as JSON, but %s";

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .addModule(new SimpleModule("exact-decimals")
          .addSerializer(BigDecimal.class, new DecimalAsString())
          .addDeserializer(BigDecimal.class, new DecimalFromString()))
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
      .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE)
      .build();

  private InvoiceJson() {}

  /** Writes {@code invoice} to {@code out} (UTF-8, indented); {@code out} stays open. */
  public static void write(CheckedInvoice invoice, OutputStream out) throws IOException {
    MAPPER.writerWithDefaultPrettyPrinter().writeValue(out, invoice);
  }

  /** Reads a file written by {@link #write}; {@code in} stays open. */
  public static CheckedInvoice read(InputStream in) throws IOException {
    try {
      return MAPPER.readValue(in, CheckedInvoice.class);
    } catch (JacksonException e) {
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
