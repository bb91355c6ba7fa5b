package dev.engranaje.workers.finance.reconcile;

import dev.engranaje.workers.finance.reconcile.Book.Entry;
import dev.engranaje.workers.finance.reconcile.Book.Item;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code one-to-many} and {@code many-to-one}: within one counterparty, a combination of open items
 * adding up to one entry, or of entries adding up to one item. The pool is the counterparty's open
 * positions of the same currency and sign, smaller than the target, dated within the window; when it
 * holds more than {@code maxCandidates}, the closest in date are kept and nothing found can be
 * confirmed (a combination outside the pool might also fit). The search is {@link SubsetSum}, bounded
 * by {@code maxItems}/{@code maxEntries} and {@code maxSteps}; only exactly one combination found by a
 * complete search is conclusive.
 */
final class SubsetRule {
  private final MatchRule rule;
  private final Book book;

  SubsetRule(MatchRule rule, Book book) {
    this.rule = rule;
    this.book = book;
  }

  List<Candidate> proposeOneToMany() {
    List<Candidate> candidates = new ArrayList<>();
    for (Entry entry : book.entries) {
      if (book.entryTaken[entry.position()]) {
        continue;
      }
      List<Integer> pool = new ArrayList<>();
      for (String key : Book.keys(entry.ibanKey(), entry.nameKey(), rule.counterparty())) {
        AmountIndex index = book.itemsOf(key);
        addPool(index, entry.millis(), pool, position -> !book.itemTaken[position]
            && Book.sameCurrency(entry, book.items[position])
            && Book.withinDays(entry, book.items[position], rule.dateWindowDays()));
      }
      pool.sort(Comparator.<Integer>comparingLong(p -> Math.abs(Book.distance(entry, book.items[p])))
          .thenComparing(p -> p));
      int[] target = Proof.one(entry.position());
      search(pool, entry.millis(), rule.maxItems(), candidates, found -> new int[][] {target, found}, false);
    }
    return candidates;
  }

  List<Candidate> proposeManyToOne() {
    List<Candidate> candidates = new ArrayList<>();
    for (Item item : book.items) {
      if (book.itemTaken[item.position()]) {
        continue;
      }
      List<Integer> pool = new ArrayList<>();
      for (String key : Book.keys(item.ibanKey(), item.nameKey(), rule.counterparty())) {
        AmountIndex index = book.entriesOf(key);
        addPool(index, item.millis(), pool, position -> !book.entryTaken[position]
            && Book.sameCurrency(book.entries[position], item)
            && Book.withinDays(book.entries[position], item, rule.dateWindowDays()));
      }
      pool.sort(Comparator.<Integer>comparingLong(p -> Math.abs(Book.distance(book.entries[p], item)))
          .thenComparing(p -> p));
      int[] target = Proof.one(item.position());
      search(pool, item.millis(), rule.maxEntries(), candidates, found -> new int[][] {found, target}, true);
    }
    return candidates;
  }

  /** Adds the positions of {@code index} with the target's sign and a smaller amount that pass {@code open}. */
  private static void addPool(AmountIndex index, long target, List<Integer> pool,
      java.util.function.IntPredicate open) {
    int from = target > 0 ? index.from(1) : index.from(target + 1);
    for (int i = from; i < index.size(); i++) {
      long amount = index.amount(i);
      if (target > 0 ? amount >= target : amount >= 0) {
        break;
      }
      int position = index.position(i);
      if (open.test(position) && !pool.contains(position)) {
        pool.add(position);
      }
    }
  }

  private void search(List<Integer> pool, long target, int maxSize, List<Candidate> candidates,
      java.util.function.Function<int[], int[][]> shape, boolean poolIsEntries) {
    if (pool.size() < 2) {
      return;
    }
    boolean truncated = pool.size() > rule.maxCandidates();
    List<Integer> kept = truncated ? pool.subList(0, rule.maxCandidates()) : pool;
    long[] amounts = kept.stream().mapToLong(p -> Math.abs(poolIsEntries ? book.entries[p].millis()
        : book.items[p].millis())).toArray();
    long goal = Math.abs(target);
    long slack = rule.tolerance().allowedMillis(goal);
    SubsetSum.Result result = SubsetSum.search(amounts, goal - slack, goal + slack, 2,
        Math.min(maxSize, amounts.length), rule.maxSteps());
    if (result.solutions().isEmpty()) {
      return;
    }
    List<Integer> picked = new ArrayList<>();
    for (int index : result.solutions().get(0)) {
      picked.add(kept.get(index));
    }
    int[][] sides = shape.apply(Proof.sorted(picked));
    boolean conclusive = result.solutions().size() == 1 && result.complete() && !truncated
        && rule.tolerance().allows(Proof.millis(book, sides[0], true), Proof.millis(book, sides[1], false));
    List<Evidence> evidence = new ArrayList<>();
    Entry anEntry = book.entries[sides[0][0]];
    Item anItem = book.items[sides[1][0]];
    evidence.add(Proof.counterparty(anEntry, anItem, rule));
    evidence.add(Proof.amount(rule, book, sides[0], sides[1]));
    evidence.add(new Evidence("combination", sides[0].length + " entr" + (sides[0].length == 1 ? "y" : "ies"),
        sides[1].length + " item(s)", describe(result, kept.size(), truncated)));
    candidates.add(new Candidate(sides[0], sides[1], conclusive, evidence));
  }

  private String describe(SubsetSum.Result result, int poolSize, boolean truncated) {
    String search = "subset-sum over " + poolSize + " open position(s) of the counterparty, " + result.steps()
        + " step(s): ";
    if (truncated) {
      return search + "more than " + rule.maxCandidates() + " candidates, the closest kept: not confirmed";
    }
    if (result.solutions().size() > 1) {
      return search + "more than one combination adds up: not confirmed";
    }
    if (!result.complete()) {
      return search + "stopped after " + rule.maxSteps() + " steps: not confirmed";
    }
    return search + "the only combination that adds up";
  }
}
