package dev.engranaje.workers.finance.reconcile.synthetic;

import java.util.List;

/**
 * One generated case and what should become of it.
 *
 * @param scenario the case generated, e.g. {@code reference-invoice}, {@code trap-duplicate-amount}
 * @param expectation what should become of it
 * @param rule the id of the default rule expected to confirm it, {@code null} unless {@link Expectation#CONFIRMED}
 * @param entryIds its statement entries, sorted
 * @param itemIds its ledger items, sorted
 */
public record TruthGroup(String scenario, Expectation expectation, String rule, List<String> entryIds,
    List<String> itemIds) {
  public TruthGroup {
    entryIds = entryIds.stream().sorted().toList();
    itemIds = itemIds.stream().sorted().toList();
  }

  /** The identity of the group: its sorted entry ids and item ids. */
  String key() {
    return String.join(",", entryIds) + "|" + String.join(",", itemIds);
  }
}
