package dev.engranaje.workers.finance.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import dev.engranaje.workers.finance.mapping.FileLocale;
import dev.engranaje.workers.finance.mapping.MappingFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
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
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  static final String PREFIX = "Invalid ledger mapping '%s': ";
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
    try {
      return from(MappingFile.root(yaml));
    } catch (IllegalArgumentException e) {
      throw new InvalidLedgerMapping(source, String.format(PREFIX, source) + e.getMessage(), e);
    }
  }

  private static LedgerMapping from(JsonNode root) {
    MappingFile.requireKeys(root, TOP_KEYS, "");
    JsonNode columnsNode = MappingFile.object(root, "columns", "columns");
    Map<String, String> columns = new LinkedHashMap<>();
    if (columnsNode != null) {
      MappingFile.requireKeys(columnsNode, Set.copyOf(FIELDS), "columns.");
      for (String field : FIELDS) {
        String header = MappingFile.text(columnsNode, field, "columns." + field);
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
    String currency = MappingFile.text(root, "currency", "currency");
    if (currency != null && !CURRENCY.matcher(currency).matches()) {
      throw new IllegalArgumentException(String.format(BAD_CURRENCY, currency));
    }
    if (currency == null && !columns.containsKey("currency")) {
      throw new IllegalArgumentException(MISSING_CURRENCY);
    }
    String sheet = MappingFile.text(root, "sheet", "sheet");
    Integer sheetIndex = MappingFile.number(root, "sheetIndex", 1);
    if (sheet != null && sheetIndex != null) {
      throw new IllegalArgumentException(BOTH_SHEETS);
    }
    Integer headerRow = MappingFile.number(root, "headerRow", 0);
    SignConvention sign = SignConvention.parse(MappingFile.text(root, "sign", "sign"));
    FileLocale locale = MappingFile.locale(root);
    return new LedgerMapping(sheet, sheetIndex, headerRow == null ? 1 : headerRow, columns, currency, sign,
        locale.decimalSeparator(), locale.thousandsSeparator(), locale.dateFormats(), locale.delimiter(),
        locale.quote(), locale.encoding());
  }
}
