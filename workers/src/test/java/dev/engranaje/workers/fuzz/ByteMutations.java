package dev.engranaje.workers.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Broken inputs made from real files, from a seeded {@link Random} so every run tries the same ones
 * ({@code -Dfuzz.seed}; {@code -Dfuzz.tries} for more): truncated, bytes overwritten, a slice
 * repeated, text garbage inserted, random bytes. For the worker input fuzz tests. Not thread-safe.
 */
public final class ByteMutations {
  /** The seed every fuzz test starts from unless {@code -Dfuzz.seed} says otherwise. */
  public static final long SEED = Long.getLong("fuzz.seed", 20261207L);
  private static final List<String> GARBAGE = List.of("<", "&", "\"", "'", "\u0000", "\uFFFF", "\r\n\r\n", "--", ";;;", ",,,",
      "=?utf-8?B?", "=?x?Q?=ZZ?=", "Content-Type: multipart/mixed; boundary=\"\"\r\n", "{{", "${", "- - -", ": :", "[[[", "{{{",
      "!!binary", "&anchor", "*alias", "9999999999999999999999999", "-0", "NaN", "1e99999");

  private final List<byte[]> seeds;
  private final Random random;

  public ByteMutations(List<byte[]> seeds, long seed) {
    this.seeds = List.copyOf(seeds);
    this.random = new Random(seed);
  }

  /** {@code -Dfuzz.tries}, else {@code defaultTries}. */
  public static int tries(int defaultTries) {
    return Integer.getInteger("fuzz.tries", defaultTries);
  }

  /** One mutated input and how it was made (for the dynamic test's name). */
  public record Mutant(String how, byte[] bytes) {
    public String text() {
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  public Mutant next() {
    byte[] seed = seeds.get(random.nextInt(seeds.size()));
    if (seed.length == 0) {
      return randomBytes();
    }
    return switch (random.nextInt(5)) {
      case 0 -> truncated(seed);
      case 1 -> overwritten(seed);
      case 2 -> repeated(seed);
      case 3 -> inserted(seed);
      default -> randomBytes();
    };
  }

  private Mutant truncated(byte[] seed) {
    int length = random.nextInt(seed.length);
    return new Mutant("truncated at " + length, Arrays.copyOf(seed, length));
  }

  private Mutant overwritten(byte[] seed) {
    byte[] copy = seed.clone();
    int count = 1 + random.nextInt(32);
    for (int i = 0; i < count; i++) {
      copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
    }
    return new Mutant(count + " bytes overwritten", copy);
  }

  private Mutant repeated(byte[] seed) {
    int start = random.nextInt(seed.length);
    int length = Math.min(seed.length - start, 1 + random.nextInt(256));
    int times = 1 + random.nextInt(200);
    byte[] slice = Arrays.copyOfRange(seed, start, start + length);
    byte[] out = new byte[seed.length + slice.length * times];
    System.arraycopy(seed, 0, out, 0, start);
    for (int i = 0; i < times; i++) {
      System.arraycopy(slice, 0, out, start + i * slice.length, slice.length);
    }
    System.arraycopy(seed, start, out, start + times * slice.length, seed.length - start);
    return new Mutant(length + " bytes at " + start + " repeated " + times + " times", out);
  }

  private Mutant inserted(byte[] seed) {
    int at = random.nextInt(seed.length);
    byte[] garbage = GARBAGE.get(random.nextInt(GARBAGE.size())).getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[seed.length + garbage.length];
    System.arraycopy(seed, 0, out, 0, at);
    System.arraycopy(garbage, 0, out, at, garbage.length);
    System.arraycopy(seed, at, out, at + garbage.length, seed.length - at);
    return new Mutant("garbage inserted at " + at, out);
  }

  private Mutant randomBytes() {
    byte[] bytes = new byte[random.nextInt(4_096)];
    random.nextBytes(bytes);
    return new Mutant(bytes.length + " random bytes", bytes);
  }
}
