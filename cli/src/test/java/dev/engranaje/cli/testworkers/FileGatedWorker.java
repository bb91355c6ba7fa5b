package dev.engranaje.cli.testworkers;

import dev.engranaje.workers.api.JobContext;
import dev.engranaje.workers.api.JobType;
import dev.engranaje.workers.api.JobWorker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * A slow job for the shutdown test in another process: writes {@code started-<instance>} into the
 * directory {@code dir}, then waits (at most a minute) until a file {@code release} appears there.
 */
@JobType("cli-test:gated:1")
public final class FileGatedWorker implements JobWorker<FileGatedWorker.Gate, FileGatedWorker.Passed> {
  /** The input. */
  public record Gate(String dir) {}

  /** The output. */
  public record Passed(boolean passed) {}

  @Override
  public Class<Gate> inputType() {
    return Gate.class;
  }

  @Override
  public Passed handle(Gate gate, JobContext context) throws Exception {
    Path dir = Path.of(gate.dir());
    Files.writeString(dir.resolve("started-" + context.job().processInstanceKey()), "");
    Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
    while (!Files.exists(dir.resolve("release"))) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("Expected the test to create " + dir.resolve("release") + ", but it did not");
      }
      Thread.sleep(20);
    }
    return new Passed(true);
  }
}
