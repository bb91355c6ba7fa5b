package dev.engranaje.workers.finance.reconcile;

import java.util.Arrays;

/**
 * Positions (entries or items) sorted by amount in thousandths, for range look-ups in
 * {@code O(log n + hits)}: the matcher never compares every entry with every item. Immutable.
 */
final class AmountIndex {
  static final AmountIndex EMPTY = new AmountIndex(new int[0], new long[0]);

  private final int[] positions;
  private final long[] millis;

  private AmountIndex(int[] positions, long[] millis) {
    this.positions = positions;
    this.millis = millis;
  }

  /** Sorts {@code positions} (a fresh array, reordered in place) by {@code amountOf}, ties by position. */
  static AmountIndex of(int[] positions, long[] amountOf) {
    long[] keys = new long[positions.length];
    // sort pairs (amount, position) by packing into a sortable order through an index array
    Integer[] boxed = new Integer[positions.length];
    for (int i = 0; i < positions.length; i++) {
      boxed[i] = positions[i];
    }
    Arrays.sort(boxed, (a, b) -> {
      int byAmount = Long.compare(amountOf[a], amountOf[b]);
      return byAmount != 0 ? byAmount : Integer.compare(a, b);
    });
    int[] sorted = new int[positions.length];
    for (int i = 0; i < boxed.length; i++) {
      sorted[i] = boxed[i];
      keys[i] = amountOf[boxed[i]];
    }
    return new AmountIndex(sorted, keys);
  }

  int size() {
    return positions.length;
  }

  int position(int i) {
    return positions[i];
  }

  /** The first index whose amount is at least {@code low}. */
  int from(long low) {
    int lo = 0;
    int hi = millis.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (millis[mid] < low) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The amount at index {@code i}. */
  long amount(int i) {
    return millis[i];
  }
}
