package dev.engranaje.cli.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Times {@code rpa engine start} as a child JVM on this JVM's class path: from process start to its
 * ready line. The launcher script's build check is not included.
 */
final class ProcessStartup {
  private static final String MAIN_CLASS = "dev.engranaje.cli.Rpa";
  private static final String READY_LINE = "Engranaje engine ready at";

  private ProcessStartup() {}

  /** Milliseconds until the ready line; the child is stopped (SIGTERM) afterwards. */
  static double measure(Path dataDirectory, boolean fsync, Duration timeout)
      throws IOException, InterruptedException, TimeoutException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), MAIN_CLASS,
        "engine", "start", "--data-dir", dataDirectory.toString(), "--port", "0"));
    if (!fsync) {
      command.add("--no-fsync");
    }
    long started = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      CompletableFuture<Long> ready = CompletableFuture.supplyAsync(() -> awaitReadyLine(process));
      long readyAt = ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (readyAt < 0) {
        throw new IOException("Expected the child engine to print '" + READY_LINE + "', but it exited with "
            + process.waitFor());
      }
      return (readyAt - started) / 1e6;
    } catch (ExecutionException e) {
      throw new IOException("Could not read the child engine's output: " + e.getCause(), e.getCause());
    } finally {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  /** Reads output until the ready line (returns its nanoTime) or the end (returns -1); then drains. */
  private static long awaitReadyLine(Process process) {
    BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    try {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.contains(READY_LINE)) {
          long readyAt = System.nanoTime();
          Thread drain = new Thread(() -> drain(reader), "engranaje-bench-drain");
          drain.setDaemon(true);
          drain.start();
          return readyAt;
        }
      }
      return -1;
    } catch (IOException e) {
      return -1;
    }
  }

  // The child is destroyed once measured, which closes its output under the reader: that is the end.
  private static void drain(BufferedReader reader) {
    try {
      while (reader.readLine() != null) {
        // discard: the child only needs its pipe emptied so it never blocks on a full buffer
      }
    } catch (IOException closedWithTheChild) {
      // expected when the child is destroyed
    }
  }
}
