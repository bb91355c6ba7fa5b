package dev.engranaje.engine.hardening;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A {@link PoisonEngineMain} in a child JVM on a data directory, with its output collected: tests
 * wait for its ready line or its exit.
 */
final class ChildEngine implements AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(60);

  private final Process process;
  private final List<String> output = new ArrayList<>();

  private ChildEngine(Process process) {
    this.process = process;
    Thread reader = new Thread(this::readOutput, "child-engine-output-" + process.pid());
    reader.setDaemon(true);
    reader.start();
  }

  static ChildEngine start(Path dataDirectory) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=error", "-cp", System.getProperty("java.class.path"),
        PoisonEngineMain.class.getName(), dataDirectory.toString());
    builder.redirectErrorStream(true);
    try {
      return new ChildEngine(builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException("Expected to start a child engine, but failed", e);
    }
  }

  long pid() {
    return process.pid();
  }

  /** Waits for the ready line and returns the REST address. */
  URI awaitReady() {
    String line = awaitLine(PoisonEngineMain.READY)
        .orElseThrow(() -> new AssertionError("Expected the child engine to become ready, but it did not: " + output()));
    return URI.create(line.substring(PoisonEngineMain.READY.length()).trim());
  }

  /** Waits for a line starting with {@code prefix}; empty if the process ended or time ran out first. */
  Optional<String> awaitLine(String prefix) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      synchronized (this) {
        for (String line : output) {
          if (line.startsWith(prefix)) {
            return Optional.of(line);
          }
        }
        if (!process.isAlive() && readerDone) {
          return Optional.empty();
        }
        try {
          wait(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  /** Waits for the process to end on its own and returns its exit code. */
  int awaitExit() {
    try {
      if (!process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)) {
        throw new AssertionError("Expected the child engine to exit, but it still runs: " + output());
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted", e);
    }
  }

  synchronized String output() {
    return String.join("\n", output);
  }

  private boolean readerDone;

  private void readOutput() {
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        synchronized (this) {
          output.add(line);
          notifyAll();
        }
      }
    } catch (IOException e) {
      // the process ended
    }
    synchronized (this) {
      readerDone = true;
      notifyAll();
    }
  }

  /** Stops the engine gracefully (closes its standard input), or kills it if it does not stop. */
  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    try {
      process.getOutputStream().close();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
      }
    } catch (IOException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
