package dev.engranaje.workers.finance.ledger;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Ledger items as a workspace JSON file, money as exact decimal strings:
 * {@code {"source": "...", "items": [{"id": "R-1001", "amount": "119.00", "currency": "EUR",
 * "documentDate": "2026-11-03", "dueDate": "2026-12-03", "reference": "R-1001", "partnerName": "...",
 * "partnerIban": "DE..."}]}}; absent values are {@code null}. Stateless and thread-safe.
 */
public final class LedgerJson {
  static final String BROKEN = "Expected a ledger items file (as written by rpa:finance.read-ledger:1), but %s";
  private static final ObjectMapper JSON = new ObjectMapper();

  private LedgerJson() {}

  /** Writes {@code items} read from {@code source}. Does not close {@code out}. */
  public static void write(String source, List<LedgerItem> items, OutputStream out) throws IOException {
    try (JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
      json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
      json.writeStartObject();
      json.writeStringField("source", source);
      json.writeArrayFieldStart("items");
      for (LedgerItem item : items) {
        json.writeStartObject();
        json.writeStringField("id", item.id());
        json.writeStringField("amount", item.amount().toPlainString());
        json.writeStringField("currency", item.currency());
        json.writeStringField("documentDate", item.documentDate() == null ? null : item.documentDate().toString());
        json.writeStringField("dueDate", item.dueDate() == null ? null : item.dueDate().toString());
        json.writeStringField("reference", item.reference());
        json.writeStringField("partnerName", item.partnerName());
        json.writeStringField("partnerIban", item.partnerIban());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    }
  }

  /** Reads items written by {@link #write}; a broken file throws {@link IOException} saying what is wrong. */
  public static List<LedgerItem> read(InputStream in) throws IOException {
    JsonNode root = JSON.readTree(in);
    if (root == null || !root.path("items").isArray()) {
      throw new IOException(String.format(BROKEN, "it has no 'items' list"));
    }
    List<LedgerItem> items = new ArrayList<>();
    int index = 0;
    for (JsonNode item : root.get("items")) {
      try {
        items.add(new LedgerItem(required(item, "id"), new BigDecimal(required(item, "amount")), required(item, "currency"),
            date(item, "documentDate"), date(item, "dueDate"), text(item, "reference"), text(item, "partnerName"),
            text(item, "partnerIban")));
      } catch (IllegalArgumentException | DateTimeParseException e) {
        throw new IOException(String.format(BROKEN, "item " + index + " is broken: " + e.getMessage()), e);
      }
      index++;
    }
    return List.copyOf(items);
  }

  private static String required(JsonNode item, String field) {
    String text = text(item, field);
    if (text == null) {
      throw new IllegalArgumentException("'" + field + "' is missing");
    }
    return text;
  }

  private static String text(JsonNode item, String field) {
    JsonNode value = item.path(field);
    return value.isMissingNode() || value.isNull() ? null : value.asText();
  }

  private static LocalDate date(JsonNode item, String field) {
    String text = text(item, field);
    return text == null ? null : LocalDate.parse(text);
  }
}
