package dev.engranaje.workers.finance.report;

import dev.engranaje.workers.finance.reconcile.GroupStatus;
import dev.engranaje.workers.finance.reconcile.MatchGroup;
import java.util.ArrayList;
import java.util.List;

/**
 * The full outcome of one reconciliation run, as {@code rpa reconcile --json} and the match worker
 * write it: the statement and ledger summaries, the rules used and every group, each with a stable
 * id ({@code G1}, {@code G2}, ... in the matcher's order) by which a reviewer accepts or rejects a
 * suggestion. Immutable.
 *
 * @param rules where the rules came from (a file name, or {@code defaults})
 */
public record ReconciliationResult(StatementSummary statement, LedgerSummary ledger, String rules, List<Group> groups) {

  /**
   * One group with its id and, after a review, a note saying what the reviewer decided.
   *
   * @param note {@code null} unless a review changed or confirmed the group
   */
  public record Group(String id, MatchGroup match, String note) {}

  /** How many groups (and entries and items in them) there are per outcome. */
  public record Counts(int confirmed, int suggested, int unmatchedBank, int unmatchedLedger) {
    /** Whether a person has something to look at. */
    public boolean needsReview() {
      return suggested > 0 || unmatchedBank > 0 || unmatchedLedger > 0;
    }
  }

  public ReconciliationResult {
    groups = List.copyOf(groups);
  }

  /** A result of the matcher's groups, numbered in their order. */
  public static ReconciliationResult of(StatementSummary statement, LedgerSummary ledger, String rules,
      List<MatchGroup> groups) {
    List<Group> numbered = new ArrayList<>(groups.size());
    for (MatchGroup group : groups) {
      numbered.add(new Group("G" + (numbered.size() + 1), group, null));
    }
    return new ReconciliationResult(statement, ledger, rules, numbered);
  }

  /**
   * Counts: confirmed and suggested groups; unmatched bank entries and unmatched ledger items (an
   * unmatched group holds either).
   */
  public Counts counts() {
    int confirmed = 0;
    int suggested = 0;
    int bank = 0;
    int ledgerItems = 0;
    for (Group group : groups) {
      MatchGroup match = group.match();
      if (match.status() == GroupStatus.CONFIRMED) {
        confirmed++;
      } else if (match.status() == GroupStatus.SUGGESTED) {
        suggested++;
      } else {
        bank += match.bankRefs().size();
        ledgerItems += match.ledgerIds().size();
      }
    }
    return new Counts(confirmed, suggested, bank, ledgerItems);
  }

  /** The groups with {@code status}, in order. */
  public List<Group> withStatus(GroupStatus status) {
    return groups.stream().filter(g -> g.match().status() == status).toList();
  }
}
