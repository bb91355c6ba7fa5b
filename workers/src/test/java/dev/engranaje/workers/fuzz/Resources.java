package dev.engranaje.workers.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Test resources as bytes, for the fuzz tests' seeds. */
public final class Resources {
  private Resources() {}

  public static byte[] read(String resource) {
    try (InputStream in = Resources.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Expected test resource " + resource + ", but it is missing");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
