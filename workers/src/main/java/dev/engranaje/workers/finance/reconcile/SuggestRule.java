package dev.engranaje.workers.finance.reconcile;

import dev.engranaje.workers.finance.reconcile.Book.Entry;
import dev.engranaje.workers.finance.reconcile.Book.Item;
import dev.engranaje.workers.finance.reconcile.MatchRule.SuggestBy;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code suggest-only}: a last, weak rule whose proposals are never conclusive. By reference: the entry
 * cites open items whatever the amount (a partial payment, a fee beyond the tolerance). By amount: an
 * open item of the same amount (within the tolerance) and currency within the date window, whoever the
 * counterparty, when there are at most {@code maxCandidates} of them; the closest in date is suggested
 * and the others are named in the evidence.
 */
final class SuggestRule {
  private final MatchRule rule;
  private final Book book;

  SuggestRule(MatchRule rule, Book book) {
    this.rule = rule;
    this.book = book;
  }

  List<Candidate> propose() {
    List<Candidate> candidates = new ArrayList<>();
    for (Entry entry : book.entries) {
      if (book.entryTaken[entry.position()]) {
        continue;
      }
      Candidate byReference = rule.by().contains(SuggestBy.REFERENCE) ? byReference(entry) : null;
      if (byReference != null) {
        candidates.add(byReference);
      } else if (rule.by().contains(SuggestBy.AMOUNT)) {
        Candidate byAmount = byAmount(entry);
        if (byAmount != null) {
          candidates.add(byAmount);
        }
      }
    }
    return candidates;
  }

  private Candidate byReference(Entry entry) {
    Set<String> keys = new LinkedHashSet<>(entry.remittanceRefs());
    if (entry.endToEndRef() != null) {
      keys.add(entry.endToEndRef());
    }
    entry.details().forEach(detail -> keys.addAll(detail.refs()));
    List<Integer> cited = new ArrayList<>();
    List<Evidence> evidence = new ArrayList<>();
    for (String key : keys) {
      if (key.length() < rule.minReferenceLength()) {
        continue;
      }
      for (int position : book.itemsWithReference(key)) {
        if (!book.itemTaken[position] && !cited.contains(position) && Book.sameCurrency(entry, book.items[position])) {
          cited.add(position);
          evidence.add(new Evidence("reference", key, book.items[position].source().reference(),
              "normalised reference cited by the bank entry"));
        }
      }
    }
    if (cited.isEmpty()) {
      return null;
    }
    int[] items = Proof.sorted(cited);
    BigDecimal difference = Proof.bankTotal(book, Proof.one(entry.position())).subtract(Proof.ledgerTotal(book, items));
    evidence.add(new Evidence("amount", entry.source().amount().toPlainString(),
        Proof.ledgerTotal(book, items).toPlainString(), difference.signum() == 0 ? "equal"
            : "difference " + difference.toPlainString() + " beyond what the confirming rules allow: suggested only"));
    return new Candidate(Proof.one(entry.position()), items, false, evidence);
  }

  private Candidate byAmount(Entry entry) {
    long slack = rule.tolerance().searchMillis(entry.millis());
    AmountIndex index = book.itemsByAmount;
    List<Integer> found = new ArrayList<>(4);
    for (int i = index.from(entry.millis() - slack); i < index.size() && index.amount(i) <= entry.millis() + slack;
        i++) {
      int position = index.position(i);
      Item item = book.items[position];
      if (!book.itemTaken[position] && Book.sameCurrency(entry, item) && Book.withinDays(entry, item,
          rule.dateWindowDays()) && rule.tolerance().allows(entry.millis(), item.millis())) {
        found.add(position);
        if (found.size() > rule.maxCandidates()) {
          return null; // too many look-alikes: a suggestion would be noise
        }
      }
    }
    if (found.isEmpty()) {
      return null;
    }
    found.sort(java.util.Comparator.<Integer>comparingLong(p -> Math.abs(Book.distance(entry, book.items[p])))
        .thenComparing(p -> p));
    int best = found.get(0);
    Item item = book.items[best];
    List<Evidence> evidence = new ArrayList<>();
    evidence.add(Proof.amount(rule, book, Proof.one(entry.position()), Proof.one(best)));
    evidence.add(Proof.date(entry, item, rule));
    Evidence counterparty = Proof.counterparty(entry, item, rule);
    evidence.add(counterparty != null ? counterparty : new Evidence("counterparty",
        String.valueOf(entry.source().counterparty().name()), String.valueOf(item.source().partnerName()),
        "not the same counterparty (or not known): amount only"));
    if (found.size() > 1) {
      evidence.add(new Evidence("alternatives", "", String.join(", ", found.subList(1, found.size()).stream()
          .map(p -> book.items[p].source().id()).toList()), "other open items with the same amount"));
    }
    return new Candidate(Proof.one(entry.position()), Proof.one(best), false, evidence);
  }
}
