package dev.engranaje.workers.finance.reconcile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A bounded subset-sum search: which combinations of at least {@code minSize} and at most {@code
 * maxSize} of the given positive amounts add up to a total within {@code [low, high]}. It stops at the
 * second combination found (two are already ambiguous) or after {@code maxSteps} steps, whichever comes
 * first; {@link Result#complete()} says whether the search space was exhausted. Depth-first over the
 * amounts sorted descending, pruned by "too much already" and "not enough left". Stateless.
 */
final class SubsetSum {
  /**
   * @param solutions up to two combinations, each as ascending indices into the amounts given
   * @param complete whether every combination was considered (so one solution is the only one)
   * @param steps steps taken
   */
  record Result(List<int[]> solutions, boolean complete, int steps) {}

  private final long[] sorted;
  private final int[] order;
  private final long[] prefix;
  private final long low;
  private final long high;
  private final int minSize;
  private final int maxSize;
  private final int maxSteps;
  private final int[] chosen;
  private final List<int[]> solutions = new ArrayList<>(2);
  private int steps;
  private boolean stopped;

  private SubsetSum(long[] amounts, long low, long high, int minSize, int maxSize, int maxSteps) {
    Integer[] indices = new Integer[amounts.length];
    Arrays.setAll(indices, i -> i);
    Arrays.sort(indices, (a, b) -> amounts[a] != amounts[b] ? Long.compare(amounts[b], amounts[a])
        : Integer.compare(a, b));
    this.order = new int[amounts.length];
    this.sorted = new long[amounts.length];
    this.prefix = new long[amounts.length + 1];
    for (int i = 0; i < amounts.length; i++) {
      order[i] = indices[i];
      sorted[i] = amounts[indices[i]];
      prefix[i + 1] = prefix[i] + sorted[i];
    }
    this.low = low;
    this.high = high;
    this.minSize = minSize;
    this.maxSize = maxSize;
    this.maxSteps = maxSteps;
    this.chosen = new int[Math.max(0, maxSize)];
  }

  static Result search(long[] amounts, long low, long high, int minSize, int maxSize, int maxSteps) {
    SubsetSum search = new SubsetSum(amounts, low, high, minSize, maxSize, maxSteps);
    search.descend(0, 0, 0L);
    return new Result(List.copyOf(search.solutions), !search.stopped, search.steps);
  }

  private void descend(int start, int depth, long sum) {
    if (depth >= minSize && sum >= low && sum <= high) {
      int[] solution = new int[depth];
      for (int i = 0; i < depth; i++) {
        solution[i] = order[chosen[i]];
      }
      Arrays.sort(solution);
      solutions.add(solution);
      if (solutions.size() >= 2) {
        stopped = true; // two are enough to know it is ambiguous; not exhaustive, but not needed
        return;
      }
    }
    if (depth == maxSize) {
      return;
    }
    int left = maxSize - depth;
    for (int i = start; i < sorted.length; i++) {
      if (++steps > maxSteps) {
        stopped = true;
        return;
      }
      long best = prefix[Math.min(sorted.length, i + left)] - prefix[i];
      if (sum + best < low) {
        return; // even the largest remaining amounts fall short; smaller ones will too
      }
      if (sum + sorted[i] > high) {
        continue;
      }
      chosen[depth] = i;
      descend(i + 1, depth + 1, sum + sorted[i]);
      if (stopped) {
        return;
      }
    }
  }
}
