package dev.engranaje.workers.finance.report;

import dev.engranaje.workers.finance.reconcile.GroupStatus;
import dev.engranaje.workers.finance.reconcile.MatchGroup;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the accountant decided about suggestions, by group id: an accepted suggestion becomes a
 * confirmed match, a rejected one is split into unmatched bank entries and ledger items; a suggestion
 * decided neither way stays suggested. Decisions about groups that are not suggestions are refused.
 *
 * @param accepted ids of suggestions accepted ({@code null} for none)
 * @param rejected ids of suggestions rejected ({@code null} for none)
 * @param reviewer who decided, shown in the report; {@code null} when not known
 */
public record ReviewDecisions(List<String> accepted, List<String> rejected, String reviewer) {
  static final String UNKNOWN_GROUP =
      "Expected review decisions about suggested groups, but '%s' is %s; the suggestions are %s";
  static final String BOTH = "Expected each suggestion accepted or rejected, but '%s' is both";
  static final String NOT_A_SUGGESTION = "a %s group";
  static final String NO_SUCH_GROUP = "no group of this result";

  public ReviewDecisions {
    accepted = accepted == null ? List.of() : List.copyOf(accepted);
    rejected = rejected == null ? List.of() : List.copyOf(rejected);
  }

  /** No decisions at all. */
  public static final ReviewDecisions NONE = new ReviewDecisions(List.of(), List.of(), null);

  /**
   * {@code result} as reviewed. {@code bankAmounts} and {@code ledgerAmounts} give the amounts by bank
   * reference and ledger id, for the differences of the unmatched groups a rejection leaves.
   * Throws {@link IllegalArgumentException} naming a decision that does not fit.
   */
  public ReconciliationResult applyTo(ReconciliationResult result, Map<String, BigDecimal> bankAmounts,
      Map<String, BigDecimal> ledgerAmounts) {
    Set<String> accept = new LinkedHashSet<>(accepted);
    Set<String> reject = new LinkedHashSet<>(rejected);
    Set<String> suggestions = new HashSet<>();
    Set<String> all = new HashSet<>();
    for (ReconciliationResult.Group group : result.groups()) {
      all.add(group.id());
      if (group.match().status() == GroupStatus.SUGGESTED) {
        suggestions.add(group.id());
      }
    }
    for (String id : accept) {
      if (reject.contains(id)) {
        throw new IllegalArgumentException(String.format(BOTH, id));
      }
    }
    List<String> decided = new ArrayList<>(accept);
    decided.addAll(reject);
    for (String id : decided) {
      if (!suggestions.contains(id)) {
        String what = all.contains(id) ? String.format(NOT_A_SUGGESTION, result.groups().stream()
            .filter(g -> g.id().equals(id)).findFirst().orElseThrow().match().status().name().toLowerCase(
                java.util.Locale.ROOT)) : NO_SUCH_GROUP;
        throw new IllegalArgumentException(String.format(UNKNOWN_GROUP, id, what,
            result.withStatus(GroupStatus.SUGGESTED).stream().map(ReconciliationResult.Group::id).toList()));
      }
    }
    String by = reviewer == null || reviewer.isBlank() ? "the reviewer" : reviewer;
    List<ReconciliationResult.Group> reviewed = new ArrayList<>();
    for (ReconciliationResult.Group group : result.groups()) {
      MatchGroup match = group.match();
      if (accept.contains(group.id())) {
        reviewed.add(new ReconciliationResult.Group(group.id(), new MatchGroup(GroupStatus.CONFIRMED, match.bankRefs(),
            match.ledgerIds(), match.rule(), match.confidence(), match.difference(), match.evidence()),
            "suggestion accepted by " + by));
      } else if (reject.contains(group.id())) {
        String note = "suggestion " + group.id() + " rejected by " + by;
        int part = 1;
        for (String bankRef : match.bankRefs()) {
          reviewed.add(new ReconciliationResult.Group(group.id() + "." + part++, new MatchGroup(GroupStatus.UNMATCHED,
              List.of(bankRef), List.of(), null, null, bankAmounts.get(bankRef), List.of()), note));
        }
        for (String ledgerId : match.ledgerIds()) {
          BigDecimal amount = ledgerAmounts.get(ledgerId);
          reviewed.add(new ReconciliationResult.Group(group.id() + "." + part++, new MatchGroup(GroupStatus.UNMATCHED,
              List.of(), List.of(ledgerId), null, null, amount == null ? null : amount.negate(), List.of()), note));
        }
      } else {
        reviewed.add(group);
      }
    }
    return new ReconciliationResult(result.statement(), result.ledger(), result.rules(), reviewed);
  }
}
