package dev.engranaje.workers.finance.reconcile.synthetic;

import dev.engranaje.workers.finance.ledger.LedgerItem;
import dev.engranaje.workers.finance.statement.StatementEntry;
import java.util.List;

/**
 * A generated statement, ledger and their truth. Every entry and item belongs to exactly one truth group.
 *
 * @param account the statement account's IBAN
 * @param currency the currency of every entry and item
 */
public record GoldSet(String account, String currency, List<StatementEntry> entries, List<LedgerItem> items,
    List<TruthGroup> truth) {
  public GoldSet {
    entries = List.copyOf(entries);
    items = List.copyOf(items);
    truth = List.copyOf(truth);
  }
}
