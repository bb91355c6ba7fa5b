package dev.engranaje.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.HexFormat;

/** What the scenario stacks take from the classpath (models, forms, sample files) and their throw-away passwords. */
public final class ExampleResources {
  private static final SecureRandom RANDOM = new SecureRandom();

  private ExampleResources() {}

  /** A classpath resource, e.g. {@code processes/bank-reconciliation.bpmn}. */
  public static byte[] read(String name) {
    try (InputStream in = ExampleResources.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("Expected " + name + " on the classpath, but it is missing");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A fresh password for one run of a stack (the portal's, the mailbox's), never printed. */
  public static String password(String prefix) {
    byte[] bytes = new byte[9];
    RANDOM.nextBytes(bytes);
    return prefix + HexFormat.of().formatHex(bytes);
  }
}
