package dev.engranaje.workers.finance.reconcile;

import dev.engranaje.workers.finance.reconcile.Book.Entry;
import dev.engranaje.workers.finance.reconcile.Book.Item;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code counterparty-amount-date}: an open item of the entry's counterparty (IBAN or normalised name)
 * with the same amount (within the tolerance) and a due date within the window. Looked up in the
 * counterparty's items sorted by amount, so each entry costs a binary search, not a scan.
 */
final class CounterpartyRule {
  private final MatchRule rule;
  private final Book book;

  CounterpartyRule(MatchRule rule, Book book) {
    this.rule = rule;
    this.book = book;
  }

  List<Candidate> propose() {
    List<Candidate> candidates = new ArrayList<>();
    List<Integer> found = new ArrayList<>(4);
    for (Entry entry : book.entries) {
      if (book.entryTaken[entry.position()]) {
        continue;
      }
      found.clear();
      long slack = rule.tolerance().searchMillis(entry.millis());
      for (String key : Book.keys(entry.ibanKey(), entry.nameKey(), rule.counterparty())) {
        AmountIndex index = book.itemsOf(key);
        for (int i = index.from(entry.millis() - slack); i < index.size() && index.amount(i) <= entry.millis() + slack;
            i++) {
          int position = index.position(i);
          Item item = book.items[position];
          if (!book.itemTaken[position] && !found.contains(position) && Book.sameCurrency(entry, item)
              && Book.withinDays(entry, item, rule.dateWindowDays())
              && rule.tolerance().allows(entry.millis(), item.millis())) {
            found.add(position);
          }
        }
      }
      found.sort(null);
      for (int position : found) {
        Item item = book.items[position];
        List<Evidence> evidence = new ArrayList<>(4);
        evidence.add(Proof.counterparty(entry, item, rule));
        evidence.add(Proof.amount(rule, book, Proof.one(entry.position()), Proof.one(position)));
        evidence.add(Proof.date(entry, item, rule));
        candidates.add(new Candidate(Proof.one(entry.position()), Proof.one(position), true, evidence));
      }
    }
    return candidates;
  }
}
