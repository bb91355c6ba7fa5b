package dev.engranaje.engine.durability;

import dev.engranaje.engine.Engine;
import dev.engranaje.engine.EngineOptions;
import dev.engranaje.engine.snapshot.SnapshotPolicy;
import dev.engranaje.engine.storage.MaintenanceObserver;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a durable engine (fsync on every commit) in its own JVM so tests can {@code kill -9} it.
 * Prints {@value #READY} followed by the REST address once it serves requests, then runs until its
 * standard input closes (a graceful stop) or it is killed. A line {@code retention} on standard input
 * runs history retention and log compaction at once.
 *
 * <p>Arguments: the data directory, and optionally a maintenance step to stop inside ({@code
 * snapshot}, {@code compaction} or {@code retention}): the engine then snapshots every {@value
 * #SNAPSHOT_EVERY} records and keeps finished instances for a second, and the first time that step's
 * transaction is open (for compaction and retention: after the first {@code retention} line) it
 * prints {@value #PAUSED} and the step, and waits there (to be killed).
 */
public final class EngineProcessMain {
  static final String READY = "ENGRANAJE-READY ";
  static final String PAUSED = "ENGRANAJE-PAUSED ";
  static final String RETENTION_DONE = "ENGRANAJE-RETENTION-DONE ";
  static final int SNAPSHOT_EVERY = 100;

  private EngineProcessMain() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1 || args.length > 2) {
      System.err.println("Usage: EngineProcessMain <data-directory> [snapshot|compaction|retention|none]");
      System.exit(2);
    }
    PausingObserver observer = new PausingObserver(args.length == 2 ? args[1] : "none");
    EngineOptions.Builder options = EngineOptions.builder().dataDirectory(Path.of(args[0])).port(0).durableCommits(true);
    if (args.length == 2) {
      options.snapshots(new SnapshotPolicy(SNAPSHOT_EVERY, Duration.ofDays(1))).historyRetention(Duration.ofSeconds(1))
          .maintenanceObserver(observer);
    }
    Engine engine = Engine.start(options.build());
    Engine.RecoveryReport recovery = engine.recovery();
    System.out.println(READY + engine.restAddress() + " records=" + recovery.records() + " recoveryMillis="
        + recovery.took().toMillis() + " snapshotPosition=" + recovery.snapshotPosition());
    System.out.flush();
    BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = stdin.readLine()) != null) {
      if (line.equals("retention")) {
        observer.arm();
        Thread retention = new Thread(() -> {
          int removed = engine.removeExpiredHistory();
          System.out.println(RETENTION_DONE + removed);
          System.out.flush();
        }, "retention-now");
        retention.setDaemon(true);
        retention.start();
      }
    }
    engine.close();
    System.exit(0);
  }

  /** Stops, once, inside the chosen maintenance transaction. */
  private static final class PausingObserver implements MaintenanceObserver {
    private final String step;
    private final CountDownLatch never = new CountDownLatch(1);
    private volatile boolean paused;
    /** Compaction runs after every snapshot too: it pauses only once retention was asked for. */
    private volatile boolean armed;

    PausingObserver(String step) {
      this.step = step;
      this.armed = step.equals("snapshot");
    }

    void arm() {
      armed = true;
    }

    @Override
    public void snapshotWritten(long position) {
      pauseIf("snapshot", position);
    }

    @Override
    public void compactionBatchDeleted(int work) {
      pauseIf("compaction", work);
    }

    @Override
    public void retentionBatchRemoved(int rootInstances) {
      pauseIf("retention", rootInstances);
    }

    private void pauseIf(String at, long detail) {
      if (!at.equals(step) || paused || !armed) {
        return;
      }
      paused = true;
      System.out.println(PAUSED + at + " " + detail);
      System.out.flush();
      try {
        never.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
