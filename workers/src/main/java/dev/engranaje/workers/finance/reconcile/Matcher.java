package dev.engranaje.workers.finance.reconcile;

import dev.engranaje.workers.finance.ledger.LedgerItem;
import dev.engranaje.workers.finance.statement.StatementEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Pairs bank statement entries with ledger open items by applying {@link MatchRules} first to last,
 * each rule to what the earlier ones left open, then placing every entry and item left in an
 * unmatched group of its own. Confirms only high-confidence, unambiguous proposals (see
 * {@code docs/finance/matching.md}); explains every group with {@link Evidence}.
 *
 * <p>Deterministic: entries and items are processed in id order, so the same input in any order
 * gives the same groups in the same order. Work is indexed (by normalised reference, by counterparty
 * and amount, by amount), never every entry against every item. Thread-safe: a run keeps its state to
 * itself, so one matcher may serve several threads.
 */
public final class Matcher {
  private final MatchRules rules;

  /** @param rules the rules, never {@code null} */
  public Matcher(MatchRules rules) {
    this.rules = Objects.requireNonNull(rules, "rules");
  }

  /**
   * Reconciles one statement's entries (or several statements') with the open items.
   *
   * @param entries bank entries, ids unique; never {@code null}
   * @param items ledger items, ids unique; never {@code null}
   * @throws IllegalArgumentException when an entry id or an item id appears twice
   */
  public Reconciliation reconcile(List<StatementEntry> entries, List<LedgerItem> items) {
    Book book = new Book(entries, items);
    List<MatchGroup> groups = new ArrayList<>();
    for (MatchRule rule : rules.rules()) {
      groups.addAll(new Resolution(rule, book).resolve(propose(rule, book)));
    }
    for (Book.Entry entry : book.entries) {
      if (!book.entryTaken[entry.position()]) {
        groups.add(new MatchGroup(GroupStatus.UNMATCHED, List.of(entry.source().entryId()), List.of(), null, null,
            entry.source().amount(), List.of()));
      }
    }
    for (Book.Item item : book.items) {
      if (!book.itemTaken[item.position()]) {
        groups.add(new MatchGroup(GroupStatus.UNMATCHED, List.of(), List.of(item.source().id()), null, null,
            item.source().amount().negate(), List.of()));
      }
    }
    groups.sort(ORDER);
    return Reconciliation.of(groups);
  }

  private static List<Candidate> propose(MatchRule rule, Book book) {
    return switch (rule.kind()) {
      case EXACT_REFERENCE -> new ReferenceRule(rule, book).propose();
      case COUNTERPARTY_AMOUNT_DATE -> new CounterpartyRule(rule, book).propose();
      case ONE_TO_MANY -> new SubsetRule(rule, book).proposeOneToMany();
      case MANY_TO_ONE -> new SubsetRule(rule, book).proposeManyToOne();
      case SUGGEST_ONLY -> new SuggestRule(rule, book).propose();
    };
  }

  /** Status, then groups with entries (by first entry id) before item-only groups (by first item id). */
  static final Comparator<MatchGroup> ORDER = Comparator.comparing(MatchGroup::status)
      .thenComparing(group -> group.bankRefs().isEmpty())
      .thenComparing(group -> group.bankRefs().isEmpty() ? group.ledgerIds().get(0) : group.bankRefs().get(0));
}
