package dev.engranaje.workers.finance.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How an ERP export of open items maps to {@link LedgerItem}s: which column holds what, how amounts
 * are signed, and how the file writes numbers and dates. Read from YAML (see docs/finance/reconcile.md,
 * "Ledger mapping"):
 *
 * <pre>
 * sheet: Open items          # or sheetIndex: 1; default the first visible sheet
 * headerRow: 1
 * columns:                   # header text (or column letter) per field; id and amount (or debit/credit) required
 *   id: Document No.
 *   amount: Open Amount
 *   currency: Currency
 *   documentDate: Document Date
 *   dueDate: Due Date
 *   reference: Invoice No.
 *   partnerName: Customer
 *   partnerIban: IBAN
 * currency: EUR              # fixed currency, or where the currency cell is blank
 * sign: as-is                # as-is | receivable | payable
 * locale:
 *   decimalSeparator: ","
 *   thousandsSeparator: "."
 *   dateFormat: dd.MM.yyyy
 *   delimiter: ";"
 *   encoding: windows-1252
 * </pre>
 *
 * <p>Immutable. Column values are header texts as the file has them.
 */
public record LedgerMapping(
    String sheet,
    Integer sheetIndex,
    int headerRow,
    Map<String, String> columns,
    String currency,
    SignConvention sign,
    String decimalSeparator,
    String thousandsSeparator,
    List<String> dateFormats,
    String delimiter,
    String quote,
    String encoding) {

  /** The fields a column can be mapped to, in the order they are documented. */
  public static final List<String> FIELDS = List.of("id", "amount", "debit", "credit", "currency", "documentDate",
      "dueDate", "reference", "partnerName", "partnerIban");
  static final Set<String> TOP_KEYS = Set.of("sheet", "sheetIndex", "headerRow", "columns", "currency", "sign", "locale");
  static final Set<String> LOCALE_KEYS = Set.of("decimalSeparator", "thousandsSeparator", "dateFormat", "dateFormats",
      "delimiter", "quote", "encoding");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  static final String PREFIX = "Invalid ledger mapping '%s': ";
  static final String NOT_YAML = "Expected a YAML mapping of keys, but it cannot be parsed: %s";
  static final String UNKNOWN_KEY = "Expected only the keys %s, but found '%s'";
  static final String NOT_TEXT = "Expected '%s' to be a single text value, but it is %s";
  static final String NOT_NUMBER = "Expected '%s' to be a whole number%s, but got '%s'";
  static final String MISSING_ID = "Expected 'columns.id' naming the column of the item id, but it is missing";
  static final String MISSING_AMOUNT =
      "Expected 'columns.amount', or 'columns.debit' and/or 'columns.credit', naming the amount column(s), but none is given";
  static final String AMOUNT_AND_DEBIT_CREDIT =
      "Expected either 'columns.amount' or 'columns.debit'/'columns.credit', but both are given";
  static final String MISSING_CURRENCY =
      "Expected 'columns.currency' (a currency column) or 'currency' (a fixed ISO 4217 code such as EUR), but neither"
          + " is given";
  static final String BAD_CURRENCY = "Expected 'currency' to be an ISO 4217 code such as EUR, but got '%s'";
  static final String BOTH_SHEETS = "Expected 'sheet' or 'sheetIndex', but both are given";
  static final String ONE_CHARACTER = "Expected 'locale.%s' to be one character (or 'tab'), but got '%s'";
  static final String SAME_SEPARATORS = "Expected different decimal and thousands separators, but both are '%s'";
  static final String BAD_ENCODING = "Expected 'locale.encoding' to be a charset such as UTF-8 or windows-1252, but got '%s'";
  static final String BAD_DATE_FORMAT = "Expected 'locale.%s' to be a java.time pattern such as dd.MM.yyyy, but got '%s'";
  static final String DATE_FORMAT_AND_FORMATS = "Expected 'locale.dateFormat' or 'locale.dateFormats', but both are given";

  public LedgerMapping {
    columns = Map.copyOf(columns);
    dateFormats = List.copyOf(dateFormats);
  }

  /** The header of {@code field}'s column, or {@code null} when the field is not mapped. */
  public String column(String field) {
    return columns.get(field);
  }

  /** Reads and validates a mapping file; {@code source} names it in messages. */
  public static LedgerMapping read(Path file, String source) throws InvalidLedgerMapping {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidLedgerMapping(source, String.format(PREFIX, source) + "it cannot be read: " + e.getMessage(), e);
    }
    return parse(text, source);
  }

  /** Parses and validates a mapping given as YAML text. */
  public static LedgerMapping parse(String yaml, String source) throws InvalidLedgerMapping {
    JsonNode root;
    try {
      root = new YAMLMapper().readTree(yaml);
    } catch (JsonProcessingException e) {
      throw invalid(source, String.format(NOT_YAML, e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")")), e);
    }
    if (root == null || !root.isObject()) {
      throw invalid(source, String.format(NOT_YAML, "it is " + (root == null ? "empty" : "not a mapping")), null);
    }
    try {
      return from(root);
    } catch (IllegalArgumentException e) {
      throw invalid(source, e.getMessage(), e);
    }
  }

  private static InvalidLedgerMapping invalid(String source, String message, Throwable cause) {
    return new InvalidLedgerMapping(source, String.format(PREFIX, source) + message, cause);
  }

  private static LedgerMapping from(JsonNode root) {
    requireKeys(root, TOP_KEYS, "");
    JsonNode columnsNode = root.path("columns");
    Map<String, String> columns = new LinkedHashMap<>();
    if (!columnsNode.isMissingNode() && !columnsNode.isNull()) {
      if (!columnsNode.isObject()) {
        throw new IllegalArgumentException(String.format(NOT_TEXT.replace("a single text value", "a mapping of field to"
            + " column"), "columns", describe(columnsNode)));
      }
      requireKeys(columnsNode, Set.copyOf(FIELDS), "columns.");
      for (String field : FIELDS) {
        String header = text(columnsNode, field, "columns." + field);
        if (header != null) {
          columns.put(field, header);
        }
      }
    }
    if (!columns.containsKey("id")) {
      throw new IllegalArgumentException(MISSING_ID);
    }
    boolean debitCredit = columns.containsKey("debit") || columns.containsKey("credit");
    if (!columns.containsKey("amount") && !debitCredit) {
      throw new IllegalArgumentException(MISSING_AMOUNT);
    }
    if (columns.containsKey("amount") && debitCredit) {
      throw new IllegalArgumentException(AMOUNT_AND_DEBIT_CREDIT);
    }
    String currency = text(root, "currency", "currency");
    if (currency != null && !CURRENCY.matcher(currency).matches()) {
      throw new IllegalArgumentException(String.format(BAD_CURRENCY, currency));
    }
    if (currency == null && !columns.containsKey("currency")) {
      throw new IllegalArgumentException(MISSING_CURRENCY);
    }
    String sheet = text(root, "sheet", "sheet");
    Integer sheetIndex = number(root, "sheetIndex", 1);
    if (sheet != null && sheetIndex != null) {
      throw new IllegalArgumentException(BOTH_SHEETS);
    }
    Integer headerRow = number(root, "headerRow", 0);
    SignConvention sign = SignConvention.parse(text(root, "sign", "sign"));

    JsonNode locale = root.path("locale");
    if (!locale.isMissingNode() && !locale.isNull() && !locale.isObject()) {
      throw new IllegalArgumentException(String.format(NOT_TEXT.replace("a single text value", "a mapping"), "locale",
          describe(locale)));
    }
    if (locale.isObject()) {
      requireKeys(locale, LOCALE_KEYS, "locale.");
    }
    String decimal = character(locale, "decimalSeparator");
    String thousands = character(locale, "thousandsSeparator");
    if (decimal != null && decimal.equals(thousands) || decimal == null && ".".equals(thousands)) {
      throw new IllegalArgumentException(String.format(SAME_SEPARATORS, thousands));
    }
    String delimiter = character(locale, "delimiter");
    String quote = text(locale, "quote", "locale.quote");
    String encoding = text(locale, "encoding", "locale.encoding");
    if (encoding != null) {
      try {
        Charset.forName(encoding);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(String.format(BAD_ENCODING, encoding), e);
      }
    }
    List<String> dateFormats = dateFormats(locale);
    return new LedgerMapping(sheet, sheetIndex, headerRow == null ? 1 : headerRow, columns, currency, sign, decimal,
        thousands, dateFormats, delimiter, quote, encoding);
  }

  private static List<String> dateFormats(JsonNode locale) {
    String single = text(locale, "dateFormat", "locale.dateFormat");
    JsonNode many = locale.path("dateFormats");
    if (single != null && !many.isMissingNode() && !many.isNull()) {
      throw new IllegalArgumentException(DATE_FORMAT_AND_FORMATS);
    }
    List<String> patterns = new ArrayList<>();
    if (single != null) {
      patterns.add(single);
    } else if (many.isArray()) {
      for (JsonNode pattern : many) {
        if (!pattern.isValueNode()) {
          throw new IllegalArgumentException(String.format(NOT_TEXT, "locale.dateFormats[]", describe(pattern)));
        }
        patterns.add(pattern.asText());
      }
    } else if (!many.isMissingNode() && !many.isNull()) {
      patterns.add(text(locale, "dateFormats", "locale.dateFormats"));
    }
    for (String pattern : patterns) {
      try {
        DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(String.format(BAD_DATE_FORMAT, single != null ? "dateFormat" : "dateFormats",
            pattern), e);
      }
    }
    return patterns;
  }

  private static void requireKeys(JsonNode node, Set<String> allowed, String prefix) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        List<String> sorted = allowed.stream().sorted().map(key -> prefix + key).toList();
        throw new IllegalArgumentException(String.format(UNKNOWN_KEY, sorted, prefix + name));
      }
    }
  }

  private static String text(JsonNode node, String key, String path) {
    JsonNode value = node.path(key);
    if (value.isMissingNode() || value.isNull()) {
      return null;
    }
    if (!value.isValueNode()) {
      throw new IllegalArgumentException(String.format(NOT_TEXT, path, describe(value)));
    }
    String text = value.asText();
    return text.isEmpty() ? null : text;
  }

  private static Integer number(JsonNode node, String key, int minimum) {
    JsonNode value = node.path(key);
    if (value.isMissingNode() || value.isNull()) {
      return null;
    }
    if (!value.canConvertToExactIntegral() && !value.asText().matches("\\d+") || value.asInt() < minimum) {
      throw new IllegalArgumentException(String.format(NOT_NUMBER, key, " from " + minimum, value.asText()));
    }
    return value.asInt();
  }

  private static String character(JsonNode locale, String key) {
    String text = text(locale, key, "locale." + key);
    if (text == null) {
      return null;
    }
    String name = text.toLowerCase(Locale.ROOT);
    if (text.length() != 1 && !name.equals("tab") && !name.equals("\\t") && !name.equals("space")) {
      throw new IllegalArgumentException(String.format(ONE_CHARACTER, key, text));
    }
    return text;
  }

  private static String describe(JsonNode node) {
    if (node.isObject()) {
      return "a mapping";
    }
    return node.isArray() ? "a list" : "'" + node.asText() + "'";
  }
}
