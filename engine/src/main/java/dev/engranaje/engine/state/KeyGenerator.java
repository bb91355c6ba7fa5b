package dev.engranaje.engine.state;

/**
 * Issues 64-bit keys shaped like Zeebe's for partition 1 (partition id in the top bits), so keys
 * look the same to clients as a real cluster's.
 */
public final class KeyGenerator {
  private static final long PARTITION_BITS = 1L << 51;
  private long last = PARTITION_BITS;

  public long next() {
    return ++last;
  }

  void observe(long key) {
    if (key > last) {
      last = key;
    }
  }
}
