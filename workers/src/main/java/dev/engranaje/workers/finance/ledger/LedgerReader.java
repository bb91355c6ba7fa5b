package dev.engranaje.workers.finance.ledger;

import dev.engranaje.workers.api.BusinessError;
import dev.engranaje.workers.api.TechnicalFailure;
import dev.engranaje.workers.spreadsheet.TabularSource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the open items of an ERP export (xlsx, xls or CSV) through a {@link LedgerMapping}, with the
 * spreadsheet readers ({@link TabularSource}): xlsx is streamed, CSV decoded strictly in the declared
 * encoding (a byte-order mark is skipped), numbers become exact {@link BigDecimal}s. Every problem
 * is a {@link LedgerException} naming the file, row and column: a missing column, a cell that is
 * not a number or date, a blank id or amount, more decimals than the currency has, an id that
 * appears twice. Stateless and thread-safe.
 */
public final class LedgerReader {
  static final String MISSING_FILE = "Expected the ledger export '%s', but there is no such file";
  static final String UNREADABLE = "Expected a readable ledger export, but %s";
  static final String BAD_LAYOUT = "Expected usable locale settings for '%s', but %s";
  static final String BLANK = "Expected %s in column '%s' of '%s'%s row %d, but the cell is blank";
  static final String DUPLICATE_ID =
      "Expected each id once in column '%s' of '%s', but '%s' appears in rows %d and %d; an open item is listed once";
  static final String TOO_MANY_DECIMALS =
      "Expected at most %d decimals for %s in column '%s' of '%s'%s row %d, but got %s; round it in the export";
  static final String BAD_CURRENCY_CELL =
      "Expected an ISO 4217 currency code such as EUR in column '%s' of '%s'%s row %d, but found '%s'";
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  private LedgerReader() {}

  /** Reads all open items of {@code file}; {@code source} names it in messages. */
  public static List<LedgerItem> read(Path file, String source, LedgerMapping mapping) throws LedgerException {
    if (!Files.isRegularFile(file)) {
      throw new LedgerException(source, 0, String.format(MISSING_FILE, source), null);
    }
    Map<String, String> columns = new LinkedHashMap<>();
    Map<String, String> types = new HashMap<>();
    for (String field : LedgerMapping.FIELDS) {
      String header = mapping.column(field);
      if (header != null) {
        columns.put(header, header);
        types.merge(header, typeOf(field), (a, b) -> a.equals(b) ? a : "auto");
      }
    }
    TabularSource.Layout layout = new TabularSource.Layout(mapping.sheet(), mapping.sheetIndex(), mapping.headerRow(),
        columns, types, mapping.delimiter(), mapping.quote(), mapping.encoding(), mapping.decimalSeparator(),
        mapping.thousandsSeparator(), mapping.dateFormats());
    List<LedgerItem> items = new ArrayList<>();
    Map<String, Integer> rowById = new HashMap<>();
    try (TabularSource rows = TabularSource.open(file, source, layout)) {
      String sheet = rows.sheetName() == null ? "" : " sheet '" + rows.sheetName() + "'";
      Cells cells = new Cells(mapping, source, sheet);
      TabularSource.Row row;
      while ((row = rows.next()) != null) {
        LedgerItem item = cells.item(row);
        Integer earlier = rowById.putIfAbsent(item.id(), row.number());
        if (earlier != null) {
          throw new LedgerException(source, row.number(),
              String.format(DUPLICATE_ID, mapping.column("id"), source, item.id(), earlier, row.number()), null);
        }
        items.add(item);
      }
    } catch (TechnicalFailure | BusinessError e) {
      throw new LedgerException(source, 0, String.format(UNREADABLE, e.getMessage()), e);
    } catch (IllegalArgumentException e) {
      throw new LedgerException(source, 0, String.format(BAD_LAYOUT, source, e.getMessage()), e);
    }
    return List.copyOf(items);
  }

  private static String typeOf(String field) {
    return switch (field) {
      case "amount", "debit", "credit" -> "decimal";
      case "documentDate", "dueDate" -> "date";
      default -> "text";
    };
  }

  /** Turns one row into an item. */
  private record Cells(LedgerMapping mapping, String source, String sheet) {
    LedgerItem item(TabularSource.Row row) throws LedgerException {
      String id = text(row, "id", true);
      String currency = currency(row);
      BigDecimal amount = mapping.sign().apply(amount(row));
      amount = scaled(amount, currency, row);
      return new LedgerItem(id, amount, currency, date(row, "documentDate"), date(row, "dueDate"),
          text(row, "reference", false), text(row, "partnerName", false), iban(text(row, "partnerIban", false)));
    }

    private BigDecimal amount(TabularSource.Row row) throws LedgerException {
      if (mapping.column("amount") != null) {
        BigDecimal amount = (BigDecimal) value(row, "amount");
        if (amount == null) {
          throw blank(row, "amount", "an amount");
        }
        return amount;
      }
      BigDecimal debit = mapping.column("debit") == null ? null : (BigDecimal) value(row, "debit");
      BigDecimal credit = mapping.column("credit") == null ? null : (BigDecimal) value(row, "credit");
      if (debit == null && credit == null) {
        String field = mapping.column("debit") != null ? "debit" : "credit";
        throw blank(row, field, "a debit or credit amount");
      }
      return (debit == null ? BigDecimal.ZERO : debit).subtract(credit == null ? BigDecimal.ZERO : credit);
    }

    private BigDecimal scaled(BigDecimal amount, String currency, TabularSource.Row row) throws LedgerException {
      int digits;
      try {
        digits = Currency.getInstance(currency).getDefaultFractionDigits();
      } catch (IllegalArgumentException unknown) {
        return amount;
      }
      if (digits < 0) {
        return amount;
      }
      BigDecimal plain = amount.stripTrailingZeros();
      if (plain.scale() > digits) {
        String field = mapping.column("amount") != null ? "amount" : mapping.column("debit") != null ? "debit" : "credit";
        throw new LedgerException(source, row.number(), String.format(TOO_MANY_DECIMALS, digits, currency,
            mapping.column(field), source, sheet, row.number(), amount.toPlainString()), null);
      }
      return amount.setScale(Math.max(digits, 0), RoundingMode.UNNECESSARY);
    }

    private String currency(TabularSource.Row row) throws LedgerException {
      String cell = mapping.column("currency") == null ? null : text(row, "currency", false);
      if (cell == null) {
        if (mapping.currency() == null) {
          throw blank(row, "currency", "a currency code");
        }
        return mapping.currency();
      }
      String code = cell.toUpperCase(Locale.ROOT);
      if (!CURRENCY.matcher(code).matches()) {
        throw new LedgerException(source, row.number(), String.format(BAD_CURRENCY_CELL, mapping.column("currency"),
            source, sheet, row.number(), cell), null);
      }
      return code;
    }

    private LocalDate date(TabularSource.Row row, String field) {
      return mapping.column(field) == null ? null : (LocalDate) value(row, field);
    }

    private String text(TabularSource.Row row, String field, boolean required) throws LedgerException {
      if (mapping.column(field) == null) {
        return null;
      }
      Object value = value(row, field);
      String text = value == null ? null : value.toString().strip();
      if (text == null || text.isEmpty()) {
        if (required) {
          throw blank(row, field, "an " + field);
        }
        return null;
      }
      return text;
    }

    private Object value(TabularSource.Row row, String field) {
      return row.values().get(mapping.column(field));
    }

    private LedgerException blank(TabularSource.Row row, String field, String expected) {
      return new LedgerException(source, row.number(), String.format(BLANK, expected, mapping.column(field), source,
          sheet, row.number()), null);
    }

    private static String iban(String text) {
      return text == null ? null : text.replace(" ", "").toUpperCase(Locale.ROOT);
    }
  }
}
