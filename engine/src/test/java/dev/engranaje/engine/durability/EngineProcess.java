package dev.engranaje.engine.durability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A durable engine in a child JVM ({@link EngineProcessMain}), started on a data directory, that a
 * test can kill with SIGKILL ({@link #kill()}) or stop gracefully ({@link #close()}).
 */
final class EngineProcess implements AutoCloseable {
  private static final long READY_TIMEOUT_SECONDS = 60;
  /** Exit code of a JVM ended by SIGKILL (128 + 9). */
  static final int SIGKILL_EXIT_CODE = 137;

  private final Process process;
  private final URI restAddress;
  private final String readyLine;
  private final long startMillis;
  private final List<String> output = new ArrayList<>();

  private EngineProcess(Path dataDirectory, String... options) throws IOException {
    long started = System.nanoTime();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-Xmx1g", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", System.getProperty("java.class.path"),
        EngineProcessMain.class.getName(), dataDirectory.toString()));
    command.addAll(List.of(options));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.redirectErrorStream(true);
    this.process = builder.start();
    CompletableFuture<String> ready = new CompletableFuture<>();
    Thread reader = new Thread(() -> readOutput(ready), "engine-process-output-" + process.pid());
    reader.setDaemon(true);
    reader.start();
    try {
      this.readyLine = ready.get(READY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IllegalStateException("Interrupted while waiting for the engine process", e);
    } catch (ExecutionException | TimeoutException e) {
      process.destroyForcibly();
      throw new IllegalStateException("Expected the engine process to print its ready line, but it did not; output: "
          + output(), e);
    }
    this.startMillis = (System.nanoTime() - started) / 1_000_000;
    this.restAddress = URI.create(readyLine.substring(EngineProcessMain.READY.length()).split(" ")[0]);
  }

  /** Starts an engine process on a data directory and waits until it serves requests. */
  static EngineProcess start(Path dataDirectory) {
    try {
      return new EngineProcess(dataDirectory);
    } catch (IOException e) {
      throw new UncheckedIOException("Expected to start an engine process, but failed", e);
    }
  }

  /**
   * Starts an engine process that stops inside a maintenance step ({@code snapshot}, {@code
   * compaction}, {@code retention}) the first time it runs it; see {@link EngineProcessMain}.
   */
  static EngineProcess startPausingIn(Path dataDirectory, String step) {
    try {
      return new EngineProcess(dataDirectory, step);
    } catch (IOException e) {
      throw new UncheckedIOException("Expected to start an engine process, but failed", e);
    }
  }

  /** Sends one line to the process's standard input. */
  void send(String line) {
    try {
      process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
      process.getOutputStream().flush();
    } catch (IOException e) {
      throw new UncheckedIOException("Expected to write to the engine process, but failed", e);
    }
  }

  /** Whether the process printed a line starting with the prefix (ready line excepted). */
  synchronized boolean printed(String prefix) {
    return output.stream().anyMatch(line -> line.startsWith(prefix));
  }

  URI restAddress() {
    return restAddress;
  }

  /** The ready line, with the records replayed and recovery time. */
  String readyLine() {
    return readyLine;
  }

  /** Wall time from launching the JVM until it served requests. */
  long startMillis() {
    return startMillis;
  }

  long pid() {
    return process.pid();
  }

  /** Sends SIGKILL and returns the exit code once the process is gone (137 on Linux). */
  int kill() {
    process.destroyForcibly();
    return waitForExit();
  }

  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    try {
      process.getOutputStream().close();
    } catch (IOException e) {
      // already gone
    }
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    waitForExit();
  }

  synchronized String output() {
    return String.join("\n", output);
  }

  private int waitForExit() {
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("Expected the engine process " + process.pid() + " to exit, but it is still running");
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the engine process to exit", e);
    }
  }

  private void readOutput(CompletableFuture<String> ready) {
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.startsWith(EngineProcessMain.READY)) {
          ready.complete(line);
        } else {
          synchronized (this) {
            output.add(line);
          }
        }
      }
    } catch (IOException e) {
      // the process was killed
    }
    ready.completeExceptionally(new IllegalStateException("The engine process ended without becoming ready"));
  }
}
