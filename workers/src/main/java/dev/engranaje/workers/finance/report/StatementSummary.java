package dev.engranaje.workers.finance.report;

import dev.engranaje.workers.finance.statement.BankStatement;
import dev.engranaje.workers.finance.statement.Balance;
import dev.engranaje.workers.finance.statement.EntryStatus;
import dev.engranaje.workers.finance.statement.StatementEntry;
import dev.engranaje.workers.finance.statement.StatementFile;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a reconciliation says about its statement file: the account, the statement id(s), the period
 * covered by the entries, opening and closing balances, and the booked entries' count and totals.
 * A file may hold several statements of one account (their entries are reconciled together; the
 * opening balance is the first one's, the closing the last one's); statements of different accounts
 * are refused. Pending and information entries are counted apart and not reconciled.
 *
 * @param statementIds the statement ids, comma-separated when there are several
 * @param from earliest booking date, {@code null} without entries
 * @param to latest booking date, {@code null} without entries
 * @param opening {@code null} when the file has no balances (a notification)
 * @param entries booked entries (the ones reconciled)
 * @param otherEntries pending and information entries (not reconciled)
 */
public record StatementSummary(
    String source,
    String format,
    String account,
    String currency,
    String statementIds,
    String sequence,
    LocalDate from,
    LocalDate to,
    Balance opening,
    Balance closing,
    int entries,
    int otherEntries,
    BigDecimal credits,
    BigDecimal debits) {

  static final String SEVERAL_ACCOUNTS =
      "Expected the statements of one account in '%s', but it holds %s; reconcile each account on its own";
  static final String NO_STATEMENT = "Expected at least one statement in '%s', but it holds none";

  /** The summary of {@code file}; throws {@link IllegalArgumentException} for several accounts or none. */
  public static StatementSummary of(StatementFile file) {
    List<BankStatement> statements = file.statements();
    if (statements.isEmpty()) {
      throw new IllegalArgumentException(String.format(NO_STATEMENT, file.source()));
    }
    Set<String> accounts = new LinkedHashSet<>();
    statements.forEach(s -> accounts.add(s.accountId() + " " + s.currency()));
    if (accounts.size() > 1) {
      throw new IllegalArgumentException(String.format(SEVERAL_ACCOUNTS, file.source(), accounts));
    }
    BankStatement first = statements.get(0);
    BankStatement last = statements.get(statements.size() - 1);
    List<String> ids = new ArrayList<>();
    LocalDate from = null;
    LocalDate to = null;
    int booked = 0;
    int other = 0;
    BigDecimal credits = BigDecimal.ZERO;
    BigDecimal debits = BigDecimal.ZERO;
    for (BankStatement statement : statements) {
      ids.add(statement.statementId());
      for (StatementEntry entry : statement.entries()) {
        if (entry.status() != EntryStatus.BOOKED) {
          other++;
          continue;
        }
        booked++;
        if (entry.amount().signum() >= 0) {
          credits = credits.add(entry.amount());
        } else {
          debits = debits.add(entry.amount());
        }
        LocalDate day = entry.bookingDate();
        if (day != null) {
          from = from == null || day.isBefore(from) ? day : from;
          to = to == null || day.isAfter(to) ? day : to;
        }
      }
    }
    int scale = scale(first.currency());
    return new StatementSummary(file.source(), file.format(),
        first.accountIban() != null ? first.accountIban() : first.accountId(), first.currency(), String.join(", ", ids),
        statements.size() == 1 ? first.sequence() : null, from, to, first.opening(), last.closing(), booked, other,
        credits.setScale(Math.max(scale, credits.scale())), debits.setScale(Math.max(scale, debits.scale())));
  }

  /** The booked entries of {@code file}, in file order: what is reconciled. */
  public static List<StatementEntry> bookedEntries(StatementFile file) {
    List<StatementEntry> entries = new ArrayList<>();
    for (BankStatement statement : file.statements()) {
      for (StatementEntry entry : statement.entries()) {
        if (entry.status() == EntryStatus.BOOKED) {
          entries.add(entry);
        }
      }
    }
    return entries;
  }

  /** The number of decimals of {@code currency} (2 when unknown). */
  public static int scale(String currency) {
    try {
      int digits = Currency.getInstance(currency).getDefaultFractionDigits();
      return digits < 0 ? 2 : digits;
    } catch (IllegalArgumentException | NullPointerException unknown) {
      return 2;
    }
  }
}
