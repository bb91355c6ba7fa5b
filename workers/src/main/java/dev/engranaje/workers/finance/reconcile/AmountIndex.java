package dev.engranaje.workers.finance.reconcile;

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
      mergeSort(positions, amountOf);
    }
    long[] keys = new long[positions.length];
    for (int i = 0; i < positions.length; i++) {
      keys[i] = amountOf[positions[i]];
    }
    return new AmountIndex(positions, keys);
  }

  // Bottom-up merge sort of positions by (amount, position), on primitives.
  private static void mergeSort(int[] positions, long[] amountOf) {
    int n = positions.length;
    int[] from = positions;
    int[] to = new int[n];
    for (int width = 1; width < n; width *= 2) {
      for (int low = 0; low < n; low += 2 * width) {
        int middle = Math.min(low + width, n);
        int high = Math.min(low + 2 * width, n);
        int i = low;
        int j = middle;
        int k = low;
        while (i < middle && j < high) {
          to[k++] = before(from[j], from[i], amountOf) ? from[j++] : from[i++];
        }
        while (i < middle) {
          to[k++] = from[i++];
        }
        while (j < high) {
          to[k++] = from[j++];
        }
      }
      int[] swap = from;
      from = to;
      to = swap;
    }
    if (from != positions) {
      System.arraycopy(from, 0, positions, 0, n);
    }
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
