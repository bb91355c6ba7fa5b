package dev.engranaje.workers.finance.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.engranaje.workers.finance.reconcile.Confidence;
import dev.engranaje.workers.finance.reconcile.Evidence;
import dev.engranaje.workers.finance.reconcile.GroupStatus;
import dev.engranaje.workers.finance.reconcile.MatchGroup;
import dev.engranaje.workers.finance.statement.Balance;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The stable JSON of a reconciliation result, written by {@code rpa reconcile --json} and by the
 * match worker (one class, so both write the same), and read back by the report worker:
 *
 * <pre>
 * {"statement": {"source": ..., "format": ..., "account": ..., "currency": "EUR", "statementId": ...,
 *                "sequence": ..., "from": "2026-11-02", "to": "2026-11-30",
 *                "openingBalance": {"amount": "1000.00", "date": ...}, "closingBalance": {...},
 *                "entries": 12, "otherEntries": 0, "credits": "...", "debits": "..."},
 *  "ledger": {"source": ..., "items": 7, "receivables": "...", "payables": "..."},
 *  "rules": "defaults",
 *  "counts": {"confirmed": 3, "suggested": 1, "unmatchedBank": 1, "unmatchedLedger": 2},
 *  "groups": [{"id": "G1", "status": "confirmed"|"suggested"|"unmatched", "bankRefs": [...],
 *              "ledgerIds": [...], "rule": "...", "confidence": "high"|"medium"|"low",
 *              "difference": "0.00", "evidence": [{"field": ..., "bank": ..., "ledger": ..., "comparison": ...}]}]}
 * </pre>
 *
 * Money is an exact decimal string, differences with the statement currency's decimals; status and
 * confidence are lower case; {@code rule} and {@code confidence} are {@code null} for an unmatched
 * group; a bank entry is named by the bank's own reference, a ledger item by its id. A group gets
 * {@code "note"} only after a review. Stateless and thread-safe.
 */
public final class ReconciliationJson {
  static final String BROKEN = "Expected a reconciliation result (as rpa reconcile --json writes it), but %s";
  private static final ObjectMapper JSON = new ObjectMapper();

  private ReconciliationJson() {}

  /** Writes {@code result} pretty-printed (UTF-8). Does not close {@code out}. */
  public static void write(ReconciliationResult result, OutputStream out) throws IOException {
    int scale = StatementSummary.scale(result.statement().currency());
    try (JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
      json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      statement(json, result.statement());
      LedgerSummary ledger = result.ledger();
      json.writeObjectFieldStart("ledger");
      json.writeStringField("source", ledger.source());
      json.writeNumberField("items", ledger.items());
      json.writeStringField("receivables", ledger.receivables().toPlainString());
      json.writeStringField("payables", ledger.payables().toPlainString());
      json.writeEndObject();
      json.writeStringField("rules", result.rules());
      ReconciliationResult.Counts counts = result.counts();
      json.writeObjectFieldStart("counts");
      json.writeNumberField("confirmed", counts.confirmed());
      json.writeNumberField("suggested", counts.suggested());
      json.writeNumberField("unmatchedBank", counts.unmatchedBank());
      json.writeNumberField("unmatchedLedger", counts.unmatchedLedger());
      json.writeEndObject();
      json.writeArrayFieldStart("groups");
      for (ReconciliationResult.Group group : result.groups()) {
        group(json, group, scale);
      }
      json.writeEndArray();
      json.writeEndObject();
      json.writeRaw('\n');
    }
  }

  private static void statement(JsonGenerator json, StatementSummary statement) throws IOException {
    json.writeObjectFieldStart("statement");
    json.writeStringField("source", statement.source());
    json.writeStringField("format", statement.format());
    json.writeStringField("account", statement.account());
    json.writeStringField("currency", statement.currency());
    json.writeStringField("statementId", statement.statementIds());
    json.writeStringField("sequence", statement.sequence());
    json.writeStringField("from", text(statement.from()));
    json.writeStringField("to", text(statement.to()));
    balance(json, "openingBalance", statement.opening());
    balance(json, "closingBalance", statement.closing());
    json.writeNumberField("entries", statement.entries());
    json.writeNumberField("otherEntries", statement.otherEntries());
    json.writeStringField("credits", statement.credits().toPlainString());
    json.writeStringField("debits", statement.debits().toPlainString());
    json.writeEndObject();
  }

  private static void balance(JsonGenerator json, String name, Balance balance) throws IOException {
    if (balance == null) {
      json.writeNullField(name);
      return;
    }
    json.writeObjectFieldStart(name);
    json.writeStringField("amount", balance.amount().toPlainString());
    json.writeStringField("date", text(balance.date()));
    json.writeEndObject();
  }

  private static void group(JsonGenerator json, ReconciliationResult.Group group, int scale) throws IOException {
    MatchGroup match = group.match();
    json.writeStartObject();
    json.writeStringField("id", group.id());
    json.writeStringField("status", match.status().name().toLowerCase(Locale.ROOT));
    strings(json, "bankRefs", match.bankRefs());
    strings(json, "ledgerIds", match.ledgerIds());
    json.writeStringField("rule", match.rule());
    json.writeStringField("confidence", match.confidence() == null ? null
        : match.confidence().name().toLowerCase(Locale.ROOT));
    json.writeStringField("difference", difference(match.difference(), scale));
    json.writeArrayFieldStart("evidence");
    for (Evidence evidence : match.evidence()) {
      json.writeStartObject();
      json.writeStringField("field", evidence.field());
      json.writeStringField("bank", evidence.bankValue());
      json.writeStringField("ledger", evidence.ledgerValue());
      json.writeStringField("comparison", evidence.comparison());
      json.writeEndObject();
    }
    json.writeEndArray();
    if (group.note() != null) {
      json.writeStringField("note", group.note());
    }
    json.writeEndObject();
  }

  /** {@code value} with {@code scale} decimals (more only where it has non-zero ones). */
  static String difference(BigDecimal value, int scale) {
    BigDecimal amount = value == null ? BigDecimal.ZERO : value;
    return amount.setScale(Math.max(scale, amount.stripTrailingZeros().scale()), RoundingMode.UNNECESSARY).toPlainString();
  }

  private static void strings(JsonGenerator json, String name, List<String> values) throws IOException {
    json.writeArrayFieldStart(name);
    for (String value : values) {
      json.writeString(value);
    }
    json.writeEndArray();
  }

  private static String text(LocalDate day) {
    return day == null ? null : day.toString();
  }

  /** Reads a result written by {@link #write}; a broken file throws {@link IOException} saying what is wrong. */
  public static ReconciliationResult read(InputStream in) throws IOException {
    JsonNode root;
    try {
      root = JSON.readTree(in);
    } catch (IOException e) {
      throw new IOException(String.format(BROKEN, "it is not JSON: " + e.getMessage()), e);
    }
    if (root == null || !root.path("statement").isObject() || !root.path("groups").isArray()) {
      throw new IOException(String.format(BROKEN, "it has no 'statement' object and 'groups' list"));
    }
    try {
      JsonNode s = root.get("statement");
      StatementSummary statement = new StatementSummary(text(s, "source"), text(s, "format"), text(s, "account"),
          text(s, "currency"), text(s, "statementId"), text(s, "sequence"), date(s, "from"), date(s, "to"),
          balance(s.path("openingBalance")), balance(s.path("closingBalance")), s.path("entries").asInt(),
          s.path("otherEntries").asInt(), decimal(s, "credits"), decimal(s, "debits"));
      JsonNode l = root.path("ledger");
      LedgerSummary ledger = new LedgerSummary(text(l, "source"), l.path("items").asInt(), decimal(l, "receivables"),
          decimal(l, "payables"));
      List<ReconciliationResult.Group> groups = new ArrayList<>();
      int index = 0;
      for (JsonNode g : root.get("groups")) {
        groups.add(group(g, index++));
      }
      return new ReconciliationResult(statement, ledger, text(root, "rules"), groups);
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      throw new IOException(String.format(BROKEN, e.getMessage()), e);
    }
  }

  private static ReconciliationResult.Group group(JsonNode g, int index) {
    String id = text(g, "id");
    if (id == null) {
      throw new IllegalArgumentException("group " + index + " has no 'id'");
    }
    String status = text(g, "status");
    if (status == null) {
      throw new IllegalArgumentException("group '" + id + "' has no 'status'");
    }
    List<Evidence> evidence = new ArrayList<>();
    for (JsonNode e : g.path("evidence")) {
      evidence.add(new Evidence(text(e, "field"), text(e, "bank"), text(e, "ledger"), text(e, "comparison")));
    }
    String confidence = text(g, "confidence");
    return new ReconciliationResult.Group(id, new MatchGroup(
        GroupStatus.valueOf(status.toUpperCase(Locale.ROOT)), strings(g.path("bankRefs")), strings(g.path("ledgerIds")),
        text(g, "rule"), confidence == null ? null : Confidence.valueOf(confidence.toUpperCase(Locale.ROOT)),
        decimal(g, "difference"), evidence), text(g, "note"));
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }

  private static Balance balance(JsonNode node) {
    return node.isObject() ? new Balance(decimal(node, "amount"), date(node, "date")) : null;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isMissingNode() || value.isNull() ? null : value.asText();
  }

  private static BigDecimal decimal(JsonNode node, String field) {
    String text = text(node, field);
    try {
      return text == null ? null : new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + field + "' is not a decimal: '" + text + "'", e);
    }
  }

  private static LocalDate date(JsonNode node, String field) {
    String text = text(node, field);
    return text == null ? null : LocalDate.parse(text);
  }
}
