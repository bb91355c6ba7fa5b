package dev.engranaje.engine.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Broken XML models made from real ones, from a seeded {@link Random} so every run tries the same
 * inputs: truncated, bytes overwritten, an attribute value replaced by garbage (markup, entities,
 * FEEL, control characters, a DOCTYPE), elements nested up to 20,000 deep, and random bytes.
 * Shared by the BPMN and DMN deployment tests. Not thread-safe.
 */
final class Mutations {
  /** {@code -Dfuzz.seed}; fixed by default so CI is repeatable. */
  static final long SEED = Long.getLong("fuzz.seed", 20261207L);
  private static final List<String> GARBAGE = List.of("<", ">", "&", "&amp", "&#0;", "&xxe;", "\"", "'", "]]>", "<![CDATA[",
      "=", "${", "{{", "=1+", "=((((((", "\u0000", "\uFFFF", "\uD800", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>",
      "xmlns:bpmn=\"\"", " id=\"dup\" id=\"dup\"", "-1", "9999999999999999999999", "P-1D", "R/PT0S", "=for i in 1..1000 return i");
  private static final List<String> WRAPPERS = List.of("bpmn:extensionElements", "x", "bpmn:documentation", "description");

  private final List<byte[]> models;
  private final Random random;

  Mutations(List<String> resources, long seed) {
    this.models = resources.stream().map(Mutations::read).toList();
    this.random = new Random(seed);
  }

  /** One mutated model and how it was made, for the test's name. */
  record Mutant(String how, byte[] bytes) {}

  Mutant next() {
    byte[] model = models.get(random.nextInt(models.size()));
    return switch (random.nextInt(5)) {
      case 0 -> truncated(model);
      case 1 -> overwritten(model);
      case 2 -> attributeGarbage(model);
      case 3 -> deeplyNested(model);
      default -> randomBytes();
    };
  }

  private Mutant truncated(byte[] model) {
    int length = random.nextInt(model.length);
    return new Mutant("truncated at " + length, Arrays.copyOf(model, length));
  }

  private Mutant overwritten(byte[] model) {
    byte[] copy = model.clone();
    int count = 1 + random.nextInt(20);
    for (int i = 0; i < count; i++) {
      copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
    }
    return new Mutant(count + " bytes overwritten", copy);
  }

  private Mutant attributeGarbage(byte[] model) {
    String xml = new String(model, StandardCharsets.UTF_8);
    List<Integer> values = new ArrayList<>();
    for (int at = xml.indexOf("=\""); at >= 0; at = xml.indexOf("=\"", at + 2)) {
      values.add(at + 2);
    }
    int start = values.get(random.nextInt(values.size()));
    int end = xml.indexOf('"', start);
    String garbage = garbage();
    return new Mutant("attribute value at " + start + " replaced",
        (xml.substring(0, start) + garbage + xml.substring(end < 0 ? start : end)).getBytes(StandardCharsets.UTF_8));
  }

  private String garbage() {
    StringBuilder text = new StringBuilder();
    int pieces = 1 + random.nextInt(6);
    for (int i = 0; i < pieces; i++) {
      if (random.nextBoolean()) {
        text.append(GARBAGE.get(random.nextInt(GARBAGE.size())));
      } else {
        text.appendCodePoint(random.nextInt(0x2FFFF));
      }
    }
    return text.toString();
  }

  private Mutant deeplyNested(byte[] model) {
    String xml = new String(model, StandardCharsets.UTF_8);
    int depth = 1 + random.nextInt(20_000);
    String tag = WRAPPERS.get(random.nextInt(WRAPPERS.size()));
    int firstChild = xml.indexOf('>', xml.indexOf("definitions")) + 1;
    String nested = ("<" + tag + ">").repeat(depth) + ("</" + tag + ">").repeat(depth);
    return new Mutant(depth + " nested <" + tag + ">",
        (xml.substring(0, firstChild) + nested + xml.substring(firstChild)).getBytes(StandardCharsets.UTF_8));
  }

  private Mutant randomBytes() {
    byte[] bytes = new byte[random.nextInt(4_096)];
    random.nextBytes(bytes);
    return new Mutant(bytes.length + " random bytes", bytes);
  }

  static byte[] read(String resource) {
    try (InputStream in = Mutations.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Expected test resource " + resource + ", but it is missing");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
