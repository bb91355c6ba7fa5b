package dev.engranaje.engine.durability;

import dev.engranaje.engine.Engine;
import dev.engranaje.engine.EngineOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Runs a durable engine (fsync on every commit) in its own JVM so tests can {@code kill -9} it.
 * Prints {@value #READY} followed by the REST address once it serves requests, then runs until its
 * standard input closes (a graceful stop) or it is killed.
 *
 * <p>Arguments: the data directory.
 */
public final class EngineProcessMain {
  static final String READY = "ENGRANAJE-READY ";

  private EngineProcessMain() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("Usage: EngineProcessMain <data-directory>");
      System.exit(2);
    }
    Engine engine = Engine.start(EngineOptions.builder().dataDirectory(Path.of(args[0])).port(0).durableCommits(true).build());
    Engine.RecoveryReport recovery = engine.recovery();
    System.out.println(READY + engine.restAddress() + " records=" + recovery.records() + " recoveryMillis="
        + recovery.took().toMillis());
    System.out.flush();
    InputStream stdin = System.in;
    while (stdin.read() >= 0) {
      // the parent keeps standard input open while it wants us running
    }
    engine.close();
    System.exit(0);
  }
}
