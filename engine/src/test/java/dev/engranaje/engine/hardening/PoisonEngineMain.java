package dev.engranaje.engine.hardening;

import dev.engranaje.engine.Engine;
import dev.engranaje.engine.EngineOptions;
import dev.engranaje.engine.processing.ProcessingObserver;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A durable engine in its own JVM, run the way {@code rpa engine start} runs it (exit {@value
 * #EXIT_FATAL} after a fatal error), with a test-only fault: firing a timer of any process whose id
 * starts with {@value #POISON_PREFIX} throws {@link StackOverflowError}, standing in for a model that
 * kills the processor (a runaway expression). Prints {@value #READY} with the REST address once it
 * serves, {@value #QUARANTINED} for each quarantined unit of work, and runs until standard input
 * closes.
 *
 * <p>Arguments: the data directory.
 */
public final class PoisonEngineMain {
  static final String READY = "ENGRANAJE-READY ";
  static final String QUARANTINED = "ENGRANAJE-QUARANTINED ";
  static final String FAILED = "ENGRANAJE-FAILED ";
  static final String POISON_PREFIX = "poison-";
  static final int EXIT_FATAL = 4;

  private PoisonEngineMain() {}

  public static void main(String[] args) throws IOException {
    ProcessingObserver poison = new ProcessingObserver() {
      @Override
      public void beforeWork(String workId, String description) {
        if (workId.startsWith("timer:") && description.contains("process '" + POISON_PREFIX)) {
          throw new StackOverflowError("test fault: poisonous timer " + workId);
        }
      }
    };
    Engine engine;
    try {
      engine = Engine.start(EngineOptions.builder().dataDirectory(Path.of(args[0])).port(0).durableCommits(true)
          .observer(poison).build());
    } catch (RuntimeException e) {
      System.out.println(FAILED + e.getMessage());
      System.out.flush();
      Runtime.getRuntime().halt(1);
      return;
    }
    engine.quarantine().onQuarantined(report -> {
      System.out.println(QUARANTINED + report);
      System.out.flush();
    });
    engine.quarantine().reports().forEach(report -> System.out.println(QUARANTINED + report));
    engine.failure().thenAccept(failed -> {
      System.out.println(FAILED + failed.message());
      System.out.flush();
      engine.close();
      Runtime.getRuntime().halt(EXIT_FATAL);
    });
    System.out.println(READY + engine.restAddress());
    System.out.flush();
    while (System.in.read() >= 0) {
      // the parent keeps standard input open while it wants us running
    }
    engine.close();
    System.exit(0);
  }
}
