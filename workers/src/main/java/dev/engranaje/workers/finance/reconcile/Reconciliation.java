package dev.engranaje.workers.finance.reconcile;

import java.util.List;

/**
 * The outcome of one {@link Matcher#reconcile} run: every statement entry and every ledger item in
 * exactly one group. Groups are ordered confirmed, then suggested, then unmatched; within a status,
 * groups with bank entries come first, ordered by their smallest entry id, then item-only groups by
 * their smallest item id. Entry and item ids inside a group are sorted. Immutable.
 *
 * @param groups all groups, in the order above
 * @param confirmed number of confirmed groups
 * @param suggested number of suggested groups
 * @param unmatchedEntries number of bank entries no rule placed
 * @param unmatchedItems number of ledger items no rule placed
 * @param entriesConfirmed bank entries inside confirmed groups
 * @param itemsConfirmed ledger items inside confirmed groups
 */
public record Reconciliation(
    List<MatchGroup> groups,
    int confirmed,
    int suggested,
    int unmatchedEntries,
    int unmatchedItems,
    int entriesConfirmed,
    int itemsConfirmed) {

  public Reconciliation {
    groups = List.copyOf(groups);
  }

  /** Counts {@code groups}, which must already be in order. */
  static Reconciliation of(List<MatchGroup> groups) {
    int confirmed = 0;
    int suggested = 0;
    int unmatchedEntries = 0;
    int unmatchedItems = 0;
    int entriesConfirmed = 0;
    int itemsConfirmed = 0;
    for (MatchGroup group : groups) {
      switch (group.status()) {
        case CONFIRMED -> {
          confirmed++;
          entriesConfirmed += group.bankRefs().size();
          itemsConfirmed += group.ledgerIds().size();
        }
        case SUGGESTED -> suggested++;
        case UNMATCHED -> {
          unmatchedEntries += group.bankRefs().size();
          unmatchedItems += group.ledgerIds().size();
        }
      }
    }
    return new Reconciliation(groups, confirmed, suggested, unmatchedEntries, unmatchedItems, entriesConfirmed,
        itemsConfirmed);
  }
}
