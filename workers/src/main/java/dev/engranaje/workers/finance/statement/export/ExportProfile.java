package dev.engranaje.workers.finance.statement.export;

import com.fasterxml.jackson.databind.JsonNode;
import dev.engranaje.workers.finance.mapping.FileLocale;
import dev.engranaje.workers.finance.mapping.MappingFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The declared layout of a bank's CSV or xlsx account export: which column holds what, how amounts
 * are signed and how the file writes numbers and dates. Read from YAML (see docs/finance/reconcile.md,
 * "Bank-export profiles"):
 *
 * <pre>
 * name: sparkasse-csv           # shown as the statement's format (csv:NAME); default the file name
 * sheet: Umsätze                # xlsx only: or sheetIndex: 1; default the first visible sheet
 * headerRow: 1                  # 1-based row of the column names (rows above are skipped)
 * account: DE91100000000123456789   # fixed account, or columns.account
 * currency: EUR                 # fixed currency, or columns.currency (a blank cell falls back to this)
 * columns:                      # header text (or column letter) per field
 *   bookingDate: Buchungstag    # required
 *   valueDate: Valuta
 *   amount: Betrag              # signed; or debit:/credit: (Soll/Haben, unsigned); or amount + sign
 *   sign: S/H                   # indicator column for an unsigned amount: values in signs.debit/credit
 *   currency: Währung
 *   account: Auftragskonto
 *   reference: Bankreferenz     # the bank's reference: becomes the entry id
 *   endToEndId: Kundenreferenz
 *   counterpartyName: Name
 *   counterpartyIban: IBAN
 *   counterpartyBic: BIC
 *   remittance: [Verwendungszweck 1, Verwendungszweck 2]   # one column or several, joined by a space
 *   transactionCode: Buchungstext
 *   status: Info                # a cell matching signs.pending marks the entry pending
 *   balance: Saldo              # running balance after the entry: gives opening and closing balances
 * signs:
 *   debit: [S, D, DBIT, "-"]    # the defaults
 *   credit: [H, C, CRDT, "+"]
 *   pending: [vorgemerkt, pending, PDNG]
 * order: auto                   # oldest-first | newest-first | auto (by the dates, then the balances)
 * footer: [Kontostand]          # a row whose booking-date cell starts with one of these ends the entries
 * locale:
 *   decimalSeparator: ","
 *   thousandsSeparator: "."
 *   dateFormat: dd.MM.yyyy      # or dateFormats: [dd.MM.yyyy, dd.MM.yy]
 *   delimiter: ";"
 *   quote: '"'
 *   encoding: windows-1252      # default UTF-8 (a byte-order mark is skipped)
 * </pre>
 *
 * <p>Immutable. Column values are header texts as the file has them.
 *
 * @param columns field to header; {@code remittance} may list several headers in {@link #remittance()}
 * @param remittance the remittance headers in order, empty when none
 */
public record ExportProfile(
    String name,
    String sheet,
    Integer sheetIndex,
    int headerRow,
    String account,
    String currency,
    Map<String, String> columns,
    List<String> remittance,
    List<String> debitSigns,
    List<String> creditSigns,
    List<String> pendingValues,
    Order order,
    List<String> footer,
    String decimalSeparator,
    String thousandsSeparator,
    List<String> dateFormats,
    String delimiter,
    String quote,
    String encoding) {

  /** In which order the export lists its entries. */
  public enum Order {
    OLDEST_FIRST,
    NEWEST_FIRST,
    AUTO
  }

  /** The single-column fields, in the order they are documented ({@code remittance} may take several). */
  public static final List<String> FIELDS = List.of("bookingDate", "valueDate", "amount", "debit", "credit", "sign",
      "currency", "account", "reference", "endToEndId", "counterpartyName", "counterpartyIban", "counterpartyBic",
      "remittance", "transactionCode", "status", "balance");
  static final Set<String> TOP_KEYS = Set.of("name", "sheet", "sheetIndex", "headerRow", "account", "currency",
      "columns", "signs", "order", "footer", "locale");
  static final Set<String> SIGN_KEYS = Set.of("debit", "credit", "pending");
  static final List<String> DEFAULT_DEBIT = List.of("S", "D", "DBIT", "DR", "-", "Soll", "Debit");
  static final List<String> DEFAULT_CREDIT = List.of("H", "C", "CRDT", "CR", "+", "Haben", "Credit");
  static final List<String> DEFAULT_PENDING = List.of("vorgemerkt", "pending", "PDNG", "Umsatz vorgemerkt");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  static final String PREFIX = "Invalid export profile '%s': ";
  static final String MISSING_FILE = "Expected the export profile '%s', but there is no such file";
  static final String MISSING_BOOKING_DATE = "Expected 'columns.bookingDate' naming the booking date column, but it is missing";
  static final String MISSING_AMOUNT = "Expected 'columns.amount', or 'columns.debit' and 'columns.credit', naming the"
      + " amount column(s), but none is given";
  static final String AMOUNT_AND_DEBIT_CREDIT = "Expected either 'columns.amount' or 'columns.debit'/'columns.credit',"
      + " but both are given";
  static final String SIGN_WITHOUT_AMOUNT = "Expected 'columns.sign' only with 'columns.amount', but it comes with"
      + " 'columns.debit'/'columns.credit'";
  static final String MISSING_ACCOUNT = "Expected 'columns.account' (an account column) or 'account' (the account's"
      + " IBAN or number), but neither is given";
  static final String MISSING_CURRENCY = "Expected 'columns.currency' (a currency column) or 'currency' (a fixed ISO"
      + " 4217 code such as EUR), but neither is given";
  static final String BAD_CURRENCY = "Expected 'currency' to be an ISO 4217 code such as EUR, but got '%s'";
  static final String BOTH_SHEETS = "Expected 'sheet' or 'sheetIndex', but both are given";
  static final String BAD_ORDER = "Expected 'order' to be oldest-first, newest-first or auto, but got '%s'";
  static final String SIGNS_OVERLAP = "Expected 'signs.debit' and 'signs.credit' to share no value, but both list '%s'";

  public ExportProfile {
    columns = Map.copyOf(columns);
    remittance = List.copyOf(remittance);
    debitSigns = List.copyOf(debitSigns);
    creditSigns = List.copyOf(creditSigns);
    pendingValues = List.copyOf(pendingValues);
    footer = List.copyOf(footer);
    dateFormats = List.copyOf(dateFormats);
  }

  /** The header of {@code field}'s column, or {@code null} when the field is not mapped. */
  public String column(String field) {
    return columns.get(field);
  }

  /**
   * Loads a YAML profile. A missing, unreadable or invalid profile throws {@link
   * IllegalArgumentException} whose message names the file and the key: a configuration mistake,
   * not a broken statement.
   */
  public static ExportProfile load(Path yaml) {
    String source = yaml.toString();
    if (!Files.isRegularFile(yaml)) {
      throw new IllegalArgumentException(String.format(MISSING_FILE, source));
    }
    String text;
    try {
      text = Files.readString(yaml, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException(String.format(PREFIX, source) + "it cannot be read: " + e.getMessage(), e);
    }
    String fileName = yaml.getFileName().toString();
    return parse(text, source, fileName.replaceFirst("\\.(ya?ml)$", ""));
  }

  /** Parses a profile given as YAML text; {@code source} names it in messages, {@code defaultName} is its name. */
  public static ExportProfile parse(String yaml, String source, String defaultName) {
    try {
      return from(MappingFile.root(yaml), defaultName);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(String.format(PREFIX, source) + e.getMessage(), e);
    }
  }

  private static ExportProfile from(JsonNode root, String defaultName) {
    MappingFile.requireKeys(root, TOP_KEYS, "");
    JsonNode columnsNode = MappingFile.object(root, "columns", "columns");
    Map<String, String> columns = new LinkedHashMap<>();
    List<String> remittance = new ArrayList<>();
    if (columnsNode != null) {
      MappingFile.requireKeys(columnsNode, Set.copyOf(FIELDS), "columns.");
      for (String field : FIELDS) {
        if (field.equals("remittance")) {
          remittance.addAll(MappingFile.texts(columnsNode, field, "columns." + field));
        } else {
          String header = MappingFile.text(columnsNode, field, "columns." + field);
          if (header != null) {
            columns.put(field, header);
          }
        }
      }
    }
    if (!columns.containsKey("bookingDate")) {
      throw new IllegalArgumentException(MISSING_BOOKING_DATE);
    }
    boolean debitCredit = columns.containsKey("debit") || columns.containsKey("credit");
    if (!columns.containsKey("amount") && !debitCredit) {
      throw new IllegalArgumentException(MISSING_AMOUNT);
    }
    if (columns.containsKey("amount") && debitCredit) {
      throw new IllegalArgumentException(AMOUNT_AND_DEBIT_CREDIT);
    }
    if (debitCredit && columns.containsKey("sign")) {
      throw new IllegalArgumentException(SIGN_WITHOUT_AMOUNT);
    }
    String account = MappingFile.text(root, "account", "account");
    if (account == null && !columns.containsKey("account")) {
      throw new IllegalArgumentException(MISSING_ACCOUNT);
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
    Integer headerRow = MappingFile.number(root, "headerRow", 1);

    JsonNode signs = MappingFile.object(root, "signs", "signs");
    if (signs != null) {
      MappingFile.requireKeys(signs, SIGN_KEYS, "signs.");
    }
    List<String> debit = signs == null || signs.path("debit").isMissingNode() ? DEFAULT_DEBIT
        : MappingFile.texts(signs, "debit", "signs.debit");
    List<String> credit = signs == null || signs.path("credit").isMissingNode() ? DEFAULT_CREDIT
        : MappingFile.texts(signs, "credit", "signs.credit");
    List<String> pending = signs == null || signs.path("pending").isMissingNode() ? DEFAULT_PENDING
        : MappingFile.texts(signs, "pending", "signs.pending");
    for (String value : debit) {
      if (credit.stream().anyMatch(value::equalsIgnoreCase)) {
        throw new IllegalArgumentException(String.format(SIGNS_OVERLAP, value));
      }
    }
    String orderText = MappingFile.text(root, "order", "order");
    Order order = orderText == null ? Order.AUTO : switch (orderText.toLowerCase(Locale.ROOT)) {
      case "oldest-first" -> Order.OLDEST_FIRST;
      case "newest-first" -> Order.NEWEST_FIRST;
      case "auto" -> Order.AUTO;
      default -> throw new IllegalArgumentException(String.format(BAD_ORDER, orderText));
    };

    FileLocale locale = MappingFile.locale(root);
    String name = MappingFile.text(root, "name", "name");
    return new ExportProfile(name == null ? defaultName : name, sheet, sheetIndex, headerRow == null ? 1 : headerRow,
        account, currency, columns, remittance, debit, credit, pending, order,
        MappingFile.texts(root, "footer", "footer"), locale.decimalSeparator(), locale.thousandsSeparator(),
        locale.dateFormats(), locale.delimiter(), locale.quote(), locale.encoding());
  }
}
