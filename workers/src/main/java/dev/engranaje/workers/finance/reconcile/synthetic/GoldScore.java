package dev.engranaje.workers.finance.reconcile.synthetic;

import dev.engranaje.workers.finance.reconcile.GroupStatus;
import dev.engranaje.workers.finance.reconcile.MatchGroup;
import dev.engranaje.workers.finance.reconcile.Reconciliation;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How a {@link Reconciliation} compares with a {@link GoldSet}'s truth.
 *
 * <ul>
 *   <li>A confirmed group is correct when a truth group expected confirmed has exactly its entries and
 *       items; precision per rule is correct confirmed groups of that rule over all its confirmed groups.
 *   <li>Recall per scenario (and per expected rule) is the truth groups expected confirmed that were
 *       confirmed exactly, over all of them.
 *   <li>Suggestions: truth groups expected suggested whose first entry sits in a suggested group.
 *   <li>Traps and unmatched cases: how many of their entries or items ended up in a confirmed group
 *       (each is also a precision error).
 * </ul>
 *
 * @param confirmedByRule confirmed groups per rule id
 * @param correctByRule correct confirmed groups per rule id
 * @param expectedByScenario truth groups expected confirmed, per scenario
 * @param foundByScenario of those, confirmed exactly, per scenario
 * @param expectedByRule truth groups expected confirmed, per expected rule id
 * @param foundByRule of those, confirmed exactly, per expected rule id
 * @param suggestedExpected truth groups expected suggested
 * @param suggestedFound of those, whose first entry is in a suggested group
 * @param trapsConfirmed trap or unmatched cases with an entry or item in a confirmed group
 * @param traps trap and unmatched cases
 */
public record GoldScore(
    Map<String, Integer> confirmedByRule,
    Map<String, Integer> correctByRule,
    Map<String, Integer> expectedByScenario,
    Map<String, Integer> foundByScenario,
    Map<String, Integer> expectedByRule,
    Map<String, Integer> foundByRule,
    int suggestedExpected,
    int suggestedFound,
    int trapsConfirmed,
    int traps) {

  /** Scores {@code result} against {@code gold}. */
  public static GoldScore of(GoldSet gold, Reconciliation result) {
    Set<String> truthConfirmed = new HashSet<>();
    for (TruthGroup group : gold.truth()) {
      if (group.expectation() == Expectation.CONFIRMED) {
        truthConfirmed.add(group.key());
      }
    }
    Map<String, Integer> confirmedByRule = new TreeMap<>();
    Map<String, Integer> correctByRule = new TreeMap<>();
    Set<String> confirmedKeys = new HashSet<>();
    Map<String, GroupStatus> statusOf = new HashMap<>();
    for (MatchGroup group : result.groups()) {
      group.bankRefs().forEach(id -> statusOf.put("E" + id, group.status()));
      group.ledgerIds().forEach(id -> statusOf.put("I" + id, group.status()));
      if (group.status() != GroupStatus.CONFIRMED) {
        continue;
      }
      String key = new TruthGroup("", Expectation.CONFIRMED, null, group.bankRefs(), group.ledgerIds()).key();
      confirmedKeys.add(key);
      confirmedByRule.merge(group.rule(), 1, Integer::sum);
      if (truthConfirmed.contains(key)) {
        correctByRule.merge(group.rule(), 1, Integer::sum);
      } else {
        correctByRule.putIfAbsent(group.rule(), 0);
      }
    }
    Map<String, Integer> expectedByScenario = new TreeMap<>();
    Map<String, Integer> foundByScenario = new TreeMap<>();
    Map<String, Integer> expectedByRule = new TreeMap<>();
    Map<String, Integer> foundByRule = new TreeMap<>();
    int suggestedExpected = 0;
    int suggestedFound = 0;
    int traps = 0;
    int trapsConfirmed = 0;
    for (TruthGroup group : gold.truth()) {
      switch (group.expectation()) {
        case CONFIRMED -> {
          boolean found = confirmedKeys.contains(group.key());
          expectedByScenario.merge(group.scenario(), 1, Integer::sum);
          expectedByRule.merge(group.rule(), 1, Integer::sum);
          foundByScenario.merge(group.scenario(), found ? 1 : 0, Integer::sum);
          foundByRule.merge(group.rule(), found ? 1 : 0, Integer::sum);
        }
        case SUGGESTED, NOT_CONFIRMED, UNMATCHED -> {
          traps++;
          boolean confirmed = group.entryIds().stream().anyMatch(id -> statusOf.get("E" + id) == GroupStatus.CONFIRMED)
              || group.itemIds().stream().anyMatch(id -> statusOf.get("I" + id) == GroupStatus.CONFIRMED);
          trapsConfirmed += confirmed ? 1 : 0;
          if (group.expectation() == Expectation.SUGGESTED) {
            suggestedExpected++;
            suggestedFound += statusOf.get("E" + group.entryIds().get(0)) == GroupStatus.SUGGESTED ? 1 : 0;
          }
        }
      }
    }
    return new GoldScore(confirmedByRule, correctByRule, expectedByScenario, foundByScenario, expectedByRule,
        foundByRule, suggestedExpected, suggestedFound, trapsConfirmed, traps);
  }

  /** Correct confirmed groups over all confirmed groups (1.0 when none was confirmed). */
  public double confirmedPrecision() {
    int all = sum(confirmedByRule);
    return all == 0 ? 1.0 : (double) sum(correctByRule) / all;
  }

  /** Truth groups expected confirmed that were confirmed exactly, over all of them. */
  public double confirmableRecall() {
    int all = sum(expectedByScenario);
    return all == 0 ? 1.0 : (double) sum(foundByScenario) / all;
  }

  public double precision(String rule) {
    int all = confirmedByRule.getOrDefault(rule, 0);
    return all == 0 ? 1.0 : (double) correctByRule.getOrDefault(rule, 0) / all;
  }

  public double recall(String rule) {
    int all = expectedByRule.getOrDefault(rule, 0);
    return all == 0 ? 1.0 : (double) foundByRule.getOrDefault(rule, 0) / all;
  }

  public double scenarioRecall(String scenario) {
    int all = expectedByScenario.getOrDefault(scenario, 0);
    return all == 0 ? 1.0 : (double) foundByScenario.getOrDefault(scenario, 0) / all;
  }

  /** A plain-text table: per rule, per scenario, then the totals. */
  public String toTable() {
    StringBuilder out = new StringBuilder();
    Set<String> rules = new java.util.TreeSet<>(confirmedByRule.keySet());
    rules.addAll(expectedByRule.keySet());
    out.append(String.format("%-30s %10s %10s %10s %10s%n", "rule", "confirmed", "precision", "expected", "recall"));
    for (String rule : rules) {
      out.append(String.format("%-30s %10d %10.4f %10d %10.4f%n", rule, confirmedByRule.getOrDefault(rule, 0),
          precision(rule), expectedByRule.getOrDefault(rule, 0), recall(rule)));
    }
    out.append(String.format("%n%-34s %10s %10s %10s%n", "scenario (expected confirmed)", "expected", "found", "recall"));
    for (String scenario : expectedByScenario.keySet()) {
      out.append(String.format("%-34s %10d %10d %10.4f%n", scenario, expectedByScenario.get(scenario),
          foundByScenario.getOrDefault(scenario, 0), scenarioRecall(scenario)));
    }
    out.append(String.format("%nconfirmed precision %.4f, recall of confirmable cases %.4f (%d of %d)%n",
        confirmedPrecision(), confirmableRecall(), sum(foundByScenario), sum(expectedByScenario)));
    out.append(String.format("suggestions where expected %d of %d; traps/unmatched cases confirmed %d of %d%n",
        suggestedFound, suggestedExpected, trapsConfirmed, traps));
    return out.toString();
  }

  private static int sum(Map<String, Integer> counts) {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** Scenario names that have truth groups expected confirmed. */
  public List<String> scenarios() {
    return List.copyOf(expectedByScenario.keySet());
  }
}
