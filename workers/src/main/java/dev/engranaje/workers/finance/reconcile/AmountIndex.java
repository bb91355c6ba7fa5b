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

  /** Sorts {@code positions} by {@code amountOf}, ties by position (the array is reordered in place). */
  static AmountIndex of(int[] positions, long[] amountOf) {
    if (positions.length <= 32) {
      for (int i = 1; i < positions.length; i++) {
        int moving = positions[i];
        int j = i - 1;
        while (j >= 0 && before(moving, positions[j], amountOf)) {
          positions[j + 1] = positions[j];
          j--;
        }
        positions[j + 1] = moving;
      }
    } else {
      Integer[] boxed = new Integer[positions.length];
      for (int i = 0; i < positions.length; i++) {
        boxed[i] = positions[i];
      }
      Arrays.sort(boxed, (a, b) -> before(a, b, amountOf) ? -1 : before(b, a, amountOf) ? 1 : 0);
      for (int i = 0; i < boxed.length; i++) {
        positions[i] = boxed[i];
      }
    }
    long[] keys = new long[positions.length];
    for (int i = 0; i < positions.length; i++) {
      keys[i] = amountOf[positions[i]];
    }
    return new AmountIndex(positions, keys);
  }

  private static boolean before(int a, int b, long[] amountOf) {
    return amountOf[a] < amountOf[b] || (amountOf[a] == amountOf[b] && a < b);
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
