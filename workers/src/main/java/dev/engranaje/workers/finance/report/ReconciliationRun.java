package dev.engranaje.workers.finance.report;

import dev.engranaje.workers.finance.ledger.LedgerItem;
import dev.engranaje.workers.finance.reconcile.MatchGroup;
import dev.engranaje.workers.finance.reconcile.MatchRules;
import dev.engranaje.workers.finance.reconcile.Matcher;
import dev.engranaje.workers.finance.statement.StatementEntry;
import dev.engranaje.workers.finance.statement.StatementFile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One reconciliation as {@code rpa reconcile} and the match worker run it: the statement file's
 * booked entries against the ledger items with the rules, summarised into a {@link
 * ReconciliationResult}. Checks the matcher's promise that every entry and every item is in exactly
 * one group. Stateless and thread-safe.
 */
public final class ReconciliationRun {
  static final String NOT_ONCE =
      "Expected every %s in exactly one group, but '%s' is in %d; this is a bug in the matcher, please report it";

  private ReconciliationRun() {}

  /**
   * Reconciles; {@code rulesName} says where the rules came from (shown in the result and report).
   * Throws {@link IllegalArgumentException} for a file with statements of several accounts, or with
   * an entry id or item id twice.
   */
  public static ReconciliationResult run(StatementFile statement, String ledgerSource, List<LedgerItem> items,
      MatchRules rules, String rulesName) {
    StatementSummary summary = StatementSummary.of(statement);
    List<StatementEntry> entries = StatementSummary.bookedEntries(statement);
    List<MatchGroup> groups = new Matcher(rules).reconcile(entries, items).groups();
    requireOnce("bank entry", entries.stream().map(StatementEntry::entryId).toList(),
        groups.stream().flatMap(g -> g.bankRefs().stream()).toList());
    requireOnce("ledger item", items.stream().map(LedgerItem::id).toList(),
        groups.stream().flatMap(g -> g.ledgerIds().stream()).toList());
    return ReconciliationResult.of(summary, LedgerSummary.of(ledgerSource, items, StatementSummary.scale(
        summary.currency())), rulesName, groups);
  }

  private static void requireOnce(String what, List<String> ids, List<String> grouped) {
    Map<String, Integer> seen = new HashMap<>();
    ids.forEach(id -> seen.put(id, 0));
    grouped.forEach(id -> seen.merge(id, 1, Integer::sum));
    seen.forEach((id, count) -> {
      if (count != 1) {
        throw new IllegalStateException(String.format(NOT_ONCE, what, id, count));
      }
    });
  }
}
