package dev.engranaje.workers.finance.reconcile;

import dev.engranaje.workers.finance.reconcile.Book.Detail;
import dev.engranaje.workers.finance.reconcile.Book.Entry;
import dev.engranaje.workers.finance.reconcile.MatchRule.Source;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code exact-reference}: the bank entry cites open items by a normalised reference, and the totals
 * agree within the tolerance.
 *
 * <ul>
 *   <li>One entry citing one or several items whose total agrees: one group (1:1 or 1:n).
 *   <li>A batch entry whose details carry amounts: every detail must cite items agreeing with that
 *       detail's amount; all details resolved gives one group of the entry and all the items, some
 *       resolved only a suggestion.
 *   <li>Several entries each citing the same single item, none agreeing alone (instalments): a bounded
 *       subset-sum over them (at most {@code maxEntries}) for the item's amount (n:1).
 *   <li>An entry citing several items, only one of which agrees alone: a suggestion, never confirmed.
 * </ul>
 */
final class ReferenceRule {
  private final MatchRule rule;
  private final Book book;

  ReferenceRule(MatchRule rule, Book book) {
    this.rule = rule;
    this.book = book;
  }

  List<Candidate> propose() {
    List<Candidate> candidates = new ArrayList<>();
    Map<Integer, List<Integer>> partials = new TreeMap<>();
    for (Entry entry : book.entries) {
      if (book.entryTaken[entry.position()]) {
        continue;
      }
      boolean batch = rule.sources().contains(Source.DETAILS) && !entry.details().isEmpty()
          && entry.details().stream().allMatch(detail -> detail.millis() != null);
      if (batch) {
        proposeBatch(entry, candidates);
        continue;
      }
      Set<String> keys = new LinkedHashSet<>();
      List<Integer> cited = cited(entry, keys);
      if (cited.isEmpty()) {
        continue;
      }
      int[] items = Proof.sorted(cited);
      long ledger = Proof.millis(book, items, false);
      if (Book.sameCurrency(entry, book.items[items[0]]) && rule.tolerance().allows(entry.millis(), ledger)) {
        candidates.add(candidate(Proof.one(entry.position()), items, true, keys, List.of()));
      } else if (items.length > 1) {
        for (int item : items) {
          if (rule.tolerance().allows(entry.millis(), book.items[item].millis())) {
            candidates.add(candidate(Proof.one(entry.position()), Proof.one(item), false, keys,
                List.of(new Evidence("reference", String.join(", ", keys), "", "the entry cites "
                    + items.length + " open items but only this one agrees with its amount: not confirmed"))));
          }
        }
      } else if (Long.signum(entry.millis()) == Long.signum(ledger) && Math.abs(entry.millis()) < Math.abs(ledger)) {
        partials.computeIfAbsent(items[0], k -> new ArrayList<>()).add(entry.position());
      }
    }
    partials.forEach((item, entries) -> proposeInstalments(item, entries, candidates));
    return candidates;
  }

  /** The open items the entry's references name, in position order; adds the keys used to {@code keys}. */
  private List<Integer> cited(Entry entry, Set<String> keys) {
    List<Integer> cited = new ArrayList<>(2);
    if (rule.sources().contains(Source.REMITTANCE)) {
      entry.remittanceRefs().forEach(key -> collect(key, keys, cited));
    }
    if (rule.sources().contains(Source.END_TO_END_ID) && entry.endToEndRef() != null) {
      collect(entry.endToEndRef(), keys, cited);
    }
    if (rule.sources().contains(Source.DETAILS)) {
      entry.details().forEach(detail -> detail.refs().forEach(key -> collect(key, keys, cited)));
    }
    return cited;
  }

  private void collect(String key, Set<String> keys, List<Integer> cited) {
    if (key.length() < rule.minReferenceLength()) {
      return;
    }
    for (int item : book.itemsWithReference(key)) {
      if (!book.itemTaken[item] && !cited.contains(item)) {
        cited.add(item);
        keys.add(key);
      }
    }
  }

  private void proposeBatch(Entry entry, List<Candidate> candidates) {
    List<Integer> all = new ArrayList<>();
    List<Evidence> evidence = new ArrayList<>();
    Set<String> keys = new LinkedHashSet<>();
    int resolved = 0;
    for (int d = 0; d < entry.details().size(); d++) {
      Detail detail = entry.details().get(d);
      List<Integer> items = new ArrayList<>(1);
      Set<String> detailKeys = new LinkedHashSet<>();
      detail.refs().forEach(key -> collect(key, detailKeys, items));
      items.removeAll(all);
      long ledger = Proof.millis(book, Proof.sorted(items), false);
      if (!items.isEmpty() && rule.tolerance().allows(detail.millis(), ledger)) {
        resolved++;
        all.addAll(items);
        keys.addAll(detailKeys);
        evidence.add(new Evidence("detail " + (d + 1) + " reference", String.join(", ", detailKeys),
            String.join(", ", items.stream().map(i -> book.items[i].source().id()).toList()),
            "normalised reference, amount " + java.math.BigDecimal.valueOf(detail.millis(), 3).stripTrailingZeros()
                .toPlainString() + " agrees"));
      } else {
        evidence.add(new Evidence("detail " + (d + 1) + " reference", String.join(", ", detailKeys), "",
            items.isEmpty() ? "no open item cited" : "cited items do not agree with the detail's amount"));
      }
    }
    if (all.isEmpty()) {
      return;
    }
    int[] items = Proof.sorted(all);
    boolean complete = resolved == entry.details().size()
        && rule.tolerance().allows(entry.millis(), Proof.millis(book, items, false));
    candidates.add(candidate(Proof.one(entry.position()), items, complete, keys, evidence));
  }

  private void proposeInstalments(int item, List<Integer> entries, List<Candidate> candidates) {
    if (entries.size() < 2) {
      return;
    }
    long[] amounts = entries.stream().mapToLong(e -> Math.abs(book.entries[e].millis())).toArray();
    long target = Math.abs(book.items[item].millis());
    long slack = rule.tolerance().allowedMillis(target);
    SubsetSum.Result result = SubsetSum.search(amounts, target - slack, target + slack, 2,
        Math.min(rule.maxEntries(), amounts.length), rule.maxSteps());
    if (result.solutions().isEmpty()) {
      return;
    }
    int[] chosen = result.solutions().get(0);
    List<Integer> picked = new ArrayList<>();
    for (int index : chosen) {
      picked.add(entries.get(index));
    }
    boolean unique = result.solutions().size() == 1 && result.complete();
    List<Evidence> extra = List.of(new Evidence("instalments", picked.size() + " entries cite the item",
        book.items[item].source().id(), unique ? "the only combination of the citing entries that adds up"
            : "more than one combination adds up, or the search stopped: not confirmed"));
    Set<String> keys = new LinkedHashSet<>();
    keys.add(book.items[item].refKey());
    candidates.add(candidate(Proof.sorted(picked), Proof.one(item), unique, keys, extra));
  }

  private Candidate candidate(int[] entries, int[] items, boolean conclusive, Set<String> keys, List<Evidence> extra) {
    List<Evidence> evidence = new ArrayList<>();
    for (int item : items) {
      String ref = book.items[item].source().reference();
      String key = book.items[item].refKey();
      String form = References.isCreditorReferenceShape(key) ? "ISO 11649 creditor reference (check digits valid) '"
          : "normalised reference '";
      evidence.add(new Evidence("reference", keys.contains(key) ? key : String.join(", ", keys), ref,
          form + key + "' cited by the bank entry"));
    }
    evidence.add(Proof.amount(rule, book, entries, items));
    evidence.addAll(extra);
    return new Candidate(entries, items, conclusive, evidence);
  }
}
