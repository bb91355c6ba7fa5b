package dev.engranaje.workers.finance.reconcile;

import dev.engranaje.workers.finance.reconcile.Book.Entry;
import dev.engranaje.workers.finance.reconcile.Book.Item;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/** Builds the evidence lines rules share (amount, counterparty, date), so every rule words them alike. */
final class Proof {
  private Proof() {}

  static BigDecimal bankTotal(Book book, int[] entries) {
    BigDecimal total = BigDecimal.ZERO;
    for (int e : entries) {
      total = total.add(book.entries[e].source().amount());
    }
    return total;
  }

  static BigDecimal ledgerTotal(Book book, int[] items) {
    BigDecimal total = BigDecimal.ZERO;
    for (int i : items) {
      total = total.add(book.items[i].source().amount());
    }
    return total;
  }

  static long millis(Book book, int[] positions, boolean entries) {
    long total = 0;
    for (int p : positions) {
      total += entries ? book.entries[p].millis() : book.items[p].millis();
    }
    return total;
  }

  /** "amount": bank total, ledger total, and either "equal" or the difference against the tolerance. */
  static Evidence amount(MatchRule rule, Book book, int[] entries, int[] items) {
    BigDecimal bank = bankTotal(book, entries);
    BigDecimal ledger = ledgerTotal(book, items);
    BigDecimal difference = bank.subtract(ledger);
    String comparison = difference.signum() == 0 ? "equal"
        : "difference " + difference.toPlainString() + " within tolerance (at most "
            + rule.tolerance().absolute().stripTrailingZeros().toPlainString() + " and "
            + rule.tolerance().percent().stripTrailingZeros().toPlainString() + " %): a fee/write-off line";
    return new Evidence(entries.length + items.length > 2 ? "amount (totals)" : "amount", bank.toPlainString(),
        ledger.toPlainString(), comparison);
  }

  /** How the entry's counterparty and the item's partner agree, or {@code null} when they do not. */
  static Evidence counterparty(Entry entry, Item item, MatchRule rule) {
    boolean byIban = rule.counterparty().contains(MatchRule.CounterpartyBy.IBAN) && entry.ibanKey() != null
        && entry.ibanKey().equals(item.ibanKey());
    if (byIban) {
      return new Evidence("counterparty IBAN", entry.source().counterparty().iban(), item.source().partnerIban(),
          "equal");
    }
    boolean byName = rule.counterparty().contains(MatchRule.CounterpartyBy.NAME) && entry.nameKey() != null
        && entry.nameKey().equals(item.nameKey());
    if (byName) {
      return new Evidence("counterparty name", entry.source().counterparty().name(), item.source().partnerName(),
          "equal after normalising (case, accents, punctuation, legal form): '" + entry.nameKey().substring(2) + "'");
    }
    return null;
  }

  static Evidence date(Entry entry, Item item, MatchRule rule) {
    String ledgerDate = item.date() == null ? "none" : item.date().toString();
    String comparison = item.date() == null || entry.date() == null ? "no date to compare"
        : Math.abs(Book.distance(entry, item)) + " day(s) from the due date, window " + rule.dateWindowDays();
    return new Evidence("date", String.valueOf(entry.date()), ledgerDate, comparison);
  }

  static int[] one(int position) {
    return new int[] {position};
  }

  static int[] sorted(List<Integer> positions) {
    int[] sorted = new int[positions.size()];
    for (int i = 0; i < sorted.length; i++) {
      sorted[i] = positions.get(i);
    }
    Arrays.sort(sorted);
    int distinct = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (i == 0 || sorted[i] != sorted[i - 1]) {
        sorted[distinct++] = sorted[i];
      }
    }
    return distinct == sorted.length ? sorted : Arrays.copyOf(sorted, distinct);
  }
}
