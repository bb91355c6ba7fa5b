package dev.engranaje.workers.finance.statement.export;

import dev.engranaje.workers.api.BusinessError;
import dev.engranaje.workers.api.TechnicalFailure;
import dev.engranaje.workers.finance.statement.Balance;
import dev.engranaje.workers.finance.statement.BankStatement;
import dev.engranaje.workers.finance.statement.Counterparty;
import dev.engranaje.workers.finance.statement.EntryIds;
import dev.engranaje.workers.finance.statement.EntryStatus;
import dev.engranaje.workers.finance.statement.StatementEntry;
import dev.engranaje.workers.finance.statement.StatementException;
import dev.engranaje.workers.finance.statement.StatementFile;
import dev.engranaje.workers.spreadsheet.TabularSource;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a bank's CSV or xlsx account export through an {@link ExportProfile}, with the spreadsheet
 * readers ({@link TabularSource}: xlsx streamed, CSV decoded strictly in the declared encoding, a
 * byte-order mark skipped), into one {@link BankStatement} of the normalised model.
 *
 * <ul>
 *   <li>Amounts: a signed amount column; or an unsigned amount with a debit/credit indicator column;
 *       or separate debit (Soll) and credit (Haben) columns. A debit becomes negative, a credit
 *       positive. Amounts are exact {@link BigDecimal}s with the currency's decimals.
 *   <li>Rows above the header row are skipped; a footer row (its booking-date cell starting with a
 *       {@code footer} text, such as {@code Kontostand}) ends the entries.
 *   <li>Entries are put in booking order: an export listing the newest first is reversed.
 *   <li>Balances: with a running-balance column, the opening balance is the first entry's balance
 *       minus its amount and the closing balance the last entry's balance, so {@code BalanceCheck}
 *       can check the export; without one the statement has no balances and is not checked.
 *   <li>Ids: the statement id is the period ({@code 2026-11-02..2026-11-30}); an entry's id is the
 *       bank's reference column where there is one, otherwise {@code <statementId>/<n>} ({@link EntryIds}).
 * </ul>
 * Every problem is a {@link StatementException} naming the file, the row and the column. Stateless
 * and thread-safe.
 */
public final class ExportParser {
  static final String NOT_A_NUMBER = "Expected %s such as 1234.56 (decimal separator '%s'), but found '%s'";
  static final String NOT_A_DATE = "Expected a date (%s), but found '%s'";
  static final String BLANK = "Expected %s, but the cell is blank";
  static final String BOTH_DEBIT_AND_CREDIT = "Expected an amount in either '%s' or '%s', but both hold one (%s and %s)";
  static final String NO_AMOUNT = "Expected an amount in '%s' or '%s', but both are blank";
  static final String BAD_SIGN = "Expected a debit/credit indicator (debit %s, credit %s), but found '%s'";
  static final String BAD_CURRENCY = "Expected an ISO 4217 currency code such as EUR, but found '%s'";
  static final String OTHER_CURRENCY = "Expected every entry in the account's currency %s, but found %s";
  static final String OTHER_ACCOUNT = "Expected every entry of account '%s' (row %d), but found '%s'";
  static final String TOO_MANY_DECIMALS = "Expected at most %d decimals for %s, but got %s";
  static final String NO_ENTRIES = "Expected at least one entry below the header (row %d), but there is none";
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  private static final Pattern IBAN = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{10,30}");
  private static final Pattern ROW = Pattern.compile("\\b(row|line) (\\d+)");

  private ExportParser() {}

  /** Parses {@code file}; {@code source} names it in messages, {@code kind} is {@code csv} or {@code xlsx}. */
  public static StatementFile parse(Path file, String source, String sha256, String kind, ExportProfile profile)
      throws StatementException {
    Map<String, String> columns = new LinkedHashMap<>();
    Map<String, String> types = new HashMap<>();
    profile.columns().forEach((field, header) -> {
      columns.put(header, header);
      types.merge(header, typeOf(field), (a, b) -> a.equals(b) ? a : "auto");
    });
    profile.remittance().forEach(header -> {
      columns.put(header, header);
      types.merge(header, "text", (a, b) -> a.equals(b) ? a : "auto");
    });
    TabularSource.Layout layout = new TabularSource.Layout(profile.sheet(), profile.sheetIndex(), profile.headerRow(),
        columns, types, profile.delimiter(), profile.quote(), profile.encoding(), profile.decimalSeparator(),
        profile.thousandsSeparator(), profile.dateFormats());
    Cells cells = new Cells(profile, source, new ExportValues(profile));
    List<Line> lines = new ArrayList<>();
    try (TabularSource rows = TabularSource.open(file, source, layout)) {
      TabularSource.Row row;
      while ((row = rows.next()) != null && !cells.isFooter(row)) {
        lines.add(cells.line(row));
      }
    } catch (TechnicalFailure | BusinessError e) {
      throw new StatementException(source, position(e.getMessage()), e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new StatementException(source, null, "the export profile's locale settings are unusable: " + e.getMessage(), e);
    }
    if (lines.isEmpty()) {
      throw new StatementException(source, "row " + (profile.headerRow() + 1), String.format(NO_ENTRIES,
          profile.headerRow()));
    }
    lines = chronological(lines, profile.order());
    return new StatementFile(source, kind + ":" + profile.name(), sha256, List.of(statement(lines, source)));
  }

  private static BankStatement statement(List<Line> lines, String source) throws StatementException {
    Line first = lines.get(0);
    LocalDate from = first.bookingDate();
    LocalDate to = first.bookingDate();
    for (Line line : lines) {
      if (!line.account().equals(first.account())) {
        throw new StatementException(source, "row " + line.row(), String.format(OTHER_ACCOUNT, first.account(),
            first.row(), line.account()));
      }
      if (!line.currency().equals(first.currency())) {
        throw new StatementException(source, "row " + line.row(), String.format(OTHER_CURRENCY, first.currency(),
            line.currency()));
      }
      from = line.bookingDate().isBefore(from) ? line.bookingDate() : from;
      to = line.bookingDate().isAfter(to) ? line.bookingDate() : to;
    }
    String statementId = from + ".." + to;
    EntryIds ids = new EntryIds();
    List<StatementEntry> entries = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Line line = lines.get(i);
      entries.add(new StatementEntry(ids.next(line.reference(), statementId, i + 1), line.reference(),
          line.bookingDate(), line.valueDate(), line.amount(), line.currency(), line.status(), line.endToEndId(),
          line.counterparty(), line.remittance(), line.transactionCode(), List.of()));
    }
    Balance opening = null;
    Balance closing = null;
    List<Line> booked = lines.stream().filter(l -> l.status() == EntryStatus.BOOKED && l.balance() != null).toList();
    if (!booked.isEmpty()) {
      Line firstBooked = booked.get(0);
      Line lastBooked = booked.get(booked.size() - 1);
      opening = new Balance(firstBooked.balance().subtract(firstBooked.amount()), firstBooked.bookingDate());
      closing = new Balance(lastBooked.balance(), lastBooked.bookingDate());
    }
    String account = first.account();
    return new BankStatement(statementId, null, IBAN.matcher(account).matches() ? account : null, account,
        first.currency(), opening, closing, null, entries);
  }

  // Oldest first: as declared, or told by the dates, or else by which way the running balances add up.
  private static List<Line> chronological(List<Line> lines, ExportProfile.Order order) {
    boolean reverse = switch (order) {
      case OLDEST_FIRST -> false;
      case NEWEST_FIRST -> true;
      case AUTO -> newestFirst(lines);
    };
    if (!reverse) {
      return lines;
    }
    List<Line> reversed = new ArrayList<>(lines);
    Collections.reverse(reversed);
    return reversed;
  }

  private static boolean newestFirst(List<Line> lines) {
    LocalDate first = lines.get(0).bookingDate();
    LocalDate last = lines.get(lines.size() - 1).bookingDate();
    if (!first.equals(last)) {
      return first.isAfter(last);
    }
    List<Line> balanced = lines.stream().filter(l -> l.balance() != null && l.status() == EntryStatus.BOOKED).toList();
    return balanced.size() > 1 && !addsUp(balanced) && addsUp(reversedCopy(balanced));
  }

  private static boolean addsUp(List<Line> lines) {
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i - 1).balance().add(lines.get(i).amount()).compareTo(lines.get(i).balance()) != 0) {
        return false;
      }
    }
    return true;
  }

  private static List<Line> reversedCopy(List<Line> lines) {
    List<Line> copy = new ArrayList<>(lines);
    Collections.reverse(copy);
    return copy;
  }

  private static String typeOf(String field) {
    return switch (field) {
      case "amount", "debit", "credit", "balance", "bookingDate", "valueDate" -> "auto";
      default -> "text";
    };
  }

  private static String position(String message) {
    Matcher matcher = ROW.matcher(message == null ? "" : message);
    return matcher.find() ? matcher.group(1) + " " + matcher.group(2) : null;
  }

  /** One row of the export, converted. */
  private record Line(int row, LocalDate bookingDate, LocalDate valueDate, BigDecimal amount, String currency,
      String account, EntryStatus status, String reference, String endToEndId, Counterparty counterparty,
      String remittance, String transactionCode, BigDecimal balance) {}

  /** Turns one row into a {@link Line}. */
  private record Cells(ExportProfile profile, String source, ExportValues values) {
    Line line(TabularSource.Row row) throws StatementException {
      LocalDate booking = date(row, "bookingDate", true);
      LocalDate value = date(row, "valueDate", false);
      String currency = currency(row);
      BigDecimal amount = values.scaled(amount(row), currency, source, row.number(), amountHeader());
      String status = text(row, "status");
      boolean pending = status != null && profile.pendingValues().stream().anyMatch(p -> matches(status, p));
      String account = text(row, "account");
      if (account == null) {
        if (profile.account() == null) {
          throw failure(row, "account", String.format(BLANK, "the account"));
        }
        account = profile.account();
      }
      BigDecimal balance = profile.column("balance") == null ? null
          : values.decimal(row.values().get(profile.column("balance")), "a balance", source, row.number(),
              profile.column("balance"));
      List<String> remittance = new ArrayList<>();
      for (String header : profile.remittance()) {
        Object cell = row.values().get(header);
        if (cell != null && !cell.toString().isBlank()) {
          remittance.add(cell.toString().strip());
        }
      }
      String iban = text(row, "counterpartyIban");
      return new Line(row.number(), booking, value, amount, currency, normalised(account),
          pending ? EntryStatus.PENDING : EntryStatus.BOOKED, text(row, "reference"), text(row, "endToEndId"),
          new Counterparty(text(row, "counterpartyName"), iban == null ? null : normalised(iban),
              text(row, "counterpartyBic")),
          remittance.isEmpty() ? null : String.join(" ", remittance), text(row, "transactionCode"), balance);
    }

    boolean isFooter(TabularSource.Row row) {
      Object booking = row.values().get(profile.column("bookingDate"));
      String text = booking instanceof String cell ? cell.strip() : null;
      return text != null && profile.footer().stream().anyMatch(text::startsWith);
    }

    private BigDecimal amount(TabularSource.Row row) throws StatementException {
      if (profile.column("amount") != null) {
        BigDecimal amount = decimal(row, "amount");
        if (amount == null) {
          throw failure(row, "amount", String.format(BLANK, "an amount"));
        }
        if (profile.column("sign") == null) {
          return amount;
        }
        String sign = text(row, "sign");
        if (sign != null && profile.debitSigns().stream().anyMatch(s -> s.equalsIgnoreCase(sign))) {
          return amount.abs().negate();
        }
        if (sign != null && profile.creditSigns().stream().anyMatch(s -> s.equalsIgnoreCase(sign))) {
          return amount.abs();
        }
        throw failure(row, "sign", String.format(BAD_SIGN, profile.debitSigns(), profile.creditSigns(),
            sign == null ? "" : sign));
      }
      BigDecimal debit = profile.column("debit") == null ? null : decimal(row, "debit");
      BigDecimal credit = profile.column("credit") == null ? null : decimal(row, "credit");
      boolean hasDebit = debit != null && debit.signum() != 0;
      boolean hasCredit = credit != null && credit.signum() != 0;
      if (hasDebit && hasCredit) {
        throw failure(row, "debit", String.format(BOTH_DEBIT_AND_CREDIT, profile.column("debit"),
            profile.column("credit"), debit.toPlainString(), credit.toPlainString()));
      }
      if (hasDebit) {
        return debit.abs().negate();
      }
      if (credit != null) {
        return credit.abs();
      }
      if (debit != null) {
        return debit.abs().negate();
      }
      throw failure(row, profile.column("debit") != null ? "debit" : "credit", String.format(NO_AMOUNT,
          profile.column("debit"), profile.column("credit")));
    }

    private String amountHeader() {
      return profile.column("amount") != null ? profile.column("amount")
          : profile.column("debit") != null ? profile.column("debit") : profile.column("credit");
    }

    private String currency(TabularSource.Row row) throws StatementException {
      String cell = text(row, "currency");
      if (cell == null) {
        if (profile.currency() == null) {
          throw failure(row, "currency", String.format(BLANK, "a currency code"));
        }
        return profile.currency();
      }
      String code = cell.toUpperCase(Locale.ROOT);
      if (!CURRENCY.matcher(code).matches()) {
        throw failure(row, "currency", String.format(BAD_CURRENCY, cell));
      }
      return code;
    }

    private BigDecimal decimal(TabularSource.Row row, String field) throws StatementException {
      return values.decimal(row.values().get(profile.column(field)), "an amount", source, row.number(),
          profile.column(field));
    }

    private LocalDate date(TabularSource.Row row, String field, boolean required) throws StatementException {
      String header = profile.column(field);
      if (header == null) {
        return null;
      }
      LocalDate date = values.date(row.values().get(header), source, row.number(), header);
      if (date == null && required) {
        throw failure(row, field, String.format(BLANK, "a booking date"));
      }
      return date;
    }

    private String text(TabularSource.Row row, String field) {
      String header = profile.column(field);
      if (header == null) {
        return null;
      }
      Object value = row.values().get(header);
      String text = value == null ? null : value.toString().strip();
      return text == null || text.isEmpty() ? null : text;
    }

    private StatementException failure(TabularSource.Row row, String field, String problem) {
      String header = Objects.requireNonNullElse(profile.column(field), field);
      return new StatementException(source, "row " + row.number() + ", column '" + header + "'", problem);
    }

    private static boolean matches(String cell, String value) {
      return cell.equalsIgnoreCase(value) || cell.toLowerCase(Locale.ROOT).contains(value.toLowerCase(Locale.ROOT));
    }

    private static String normalised(String account) {
      return account.replace(" ", "").replace("\u00a0", "").toUpperCase(Locale.ROOT);
    }
  }
}
