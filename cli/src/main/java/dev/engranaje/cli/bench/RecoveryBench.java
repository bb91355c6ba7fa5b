package dev.engranaje.cli.bench;

import dev.engranaje.engine.Engine;
import dev.engranaje.engine.EngineOptions;
import dev.engranaje.engine.gateway.ActivateJobs;
import dev.engranaje.engine.gateway.ActivatedJob;
import dev.engranaje.engine.gateway.CreateProcessInstance;
import dev.engranaje.engine.gateway.DeploymentResource;
import dev.engranaje.engine.gateway.EngineGateway;
import dev.engranaje.engine.snapshot.SnapshotPolicy;
import dev.engranaje.engine.time.ControlledClock;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * Generates finished and active instances through a durable engine, in process (the gateway the REST
 * API calls), then restarts it: once replaying the whole log (its snapshots removed, as before
 * snapshots existed), once from the snapshot its clean stop wrote; then moves the clock past a one-day
 * retention and lets retention and compaction run. Measurements, not assertions.
 */
final class RecoveryBench {
  static final String PROCESS = "engranaje-bench-recovery";
  static final String JOB_TYPE = "bench-recovery-work";
  private static final int CHUNK = 500;

  private final int finished;
  private final int active;
  private final ControlledClock clock = ControlledClock.startingNow();

  RecoveryBench(int finished, int active) {
    this.finished = finished;
    this.active = active;
  }

  /** One restart: wall time of Engine.start, records replayed, the snapshot it started from. */
  record Restart(double startMillis, long records, long snapshotPosition) {}

  /** Database size: the file, and the bytes of pages in use (SQLite reuses freed pages, the file keeps them). */
  record Disk(long fileBytes, long liveBytes) {}

  record Report(int finished, int active, double coldEmptyStartMillis, double warmEmptyStartMillis,
      double generateMillis, Restart fullReplay, Restart fromSnapshot, Disk afterGeneration, int removedByRetention,
      Disk afterCompaction, Restart afterCompactionRestart, double loadAverage, int processors) {

    String toTable() {
      double perRecordMicros = fullReplay.records() == 0 ? 0
          : (fullReplay.startMillis() - warmEmptyStartMillis) * 1000 / fullReplay.records();
      StringBuilder out = new StringBuilder();
      out.append(String.format("recovery benchmark: %,d finished + %,d active instances (durable, fsync on)%n",
          finished, active));
      out.append(String.format("load average at the end %.2f on %d processors%n", loadAverage, processors));
      out.append(String.format("  generating through the engine          %,10.0f ms%n", generateMillis));
      out.append(String.format("  Engine.start, empty directory, cold    %,10.0f ms  (first start in this JVM)%n",
          coldEmptyStartMillis));
      out.append(String.format("  Engine.start, empty directory, warm    %,10.0f ms%n", warmEmptyStartMillis));
      out.append(String.format("  recovery, whole log replayed           %,10.0f ms  %,d records, ~%.1f us/record"
          + " beyond the empty start (~%,.0f records/s)%n", fullReplay.startMillis(), fullReplay.records(),
          perRecordMicros, perRecordMicros == 0 ? 0 : 1e6 / perRecordMicros));
      out.append(String.format("  recovery, from the snapshot            %,10.0f ms  snapshot at %,d, %,d records"
          + " replayed after it%n", fromSnapshot.startMillis(), fromSnapshot.snapshotPosition(), fromSnapshot.records()));
      out.append(String.format("  disk after generating                  %,10d bytes file, %,d in use,"
          + " %,.0f bytes per finished instance%n", afterGeneration.fileBytes(), afterGeneration.liveBytes(),
          (double) afterGeneration.liveBytes() / Math.max(1, finished)));
      out.append(String.format("  retention 1 day, clock moved 2 days    %,10d root instances removed%n",
          removedByRetention));
      out.append(String.format("  disk after retention and compaction    %,10d bytes file, %,d in use%n",
          afterCompaction.fileBytes(), afterCompaction.liveBytes()));
      out.append(String.format("  recovery after compaction              %,10.0f ms  snapshot at %,d, %,d records%n",
          afterCompactionRestart.startMillis(), afterCompactionRestart.snapshotPosition(),
          afterCompactionRestart.records()));
      return out.toString();
    }
  }

  Report run() throws Exception {
    Path root = Files.createTempDirectory("engranaje-recovery-bench");
    try {
      double cold = emptyStart(root.resolve("empty-cold"));
      double warm = emptyStart(root.resolve("empty-warm"));
      Path data = root.resolve("data");
      long started = System.nanoTime();
      try (Engine engine = Engine.start(options(data, SnapshotPolicy.DEFAULT, Duration.ofDays(30)))) {
        generate(engine.gateway());
      }
      double generateMillis = (System.nanoTime() - started) / 1e6;
      Disk afterGeneration = disk(data);
      execute(data, "DELETE FROM snapshots"); // as a log written before snapshots existed
      Restart fullReplay = restart(data, SnapshotPolicy.DEFAULT, Duration.ofDays(30));
      Restart fromSnapshot = restart(data, SnapshotPolicy.DEFAULT, Duration.ofDays(30));
      int removed = retire(data);
      Disk afterCompaction = disk(data);
      Restart afterCompactionRestart = restart(data, SnapshotPolicy.DEFAULT, Duration.ofDays(1));
      return new Report(finished, active, cold, warm, generateMillis, fullReplay, fromSnapshot, afterGeneration,
          removed, afterCompaction, afterCompactionRestart, ManagementFactory.getOperatingSystemMXBean()
          .getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
    } finally {
      delete(root);
    }
  }

  private double emptyStart(Path directory) {
    long started = System.nanoTime();
    try (Engine engine = Engine.start(options(directory, SnapshotPolicy.DEFAULT, Duration.ofDays(30)))) {
      return (System.nanoTime() - started) / 1e6;
    }
  }

  private Restart restart(Path data, SnapshotPolicy policy, Duration retention) {
    long started = System.nanoTime();
    try (Engine engine = Engine.start(options(data, policy, retention))) {
      double millis = (System.nanoTime() - started) / 1e6;
      return new Restart(millis, engine.recovery().records(), engine.recovery().snapshotPosition());
    }
  }

  /**
   * Moves the clock past a one-day retention, removes the expired instances and compacts; a snapshot
   * after each batch moves the compaction horizon past them, so a few small instances are run.
   */
  private int retire(Path data) throws SQLException {
    clock.advance(Duration.ofDays(2));
    int removed;
    try (Engine engine = Engine.start(options(data, new SnapshotPolicy(1, Duration.ofDays(365)), Duration.ofDays(1)))) {
      removed = engine.removeExpiredHistory();
      for (int round = 0; round < 20 && count(data, "SELECT COUNT(*) FROM log_compaction_queue") > 0; round++) {
        create(engine.gateway(), PROCESS, 1).forEach(CompletableFuture::join);
        engine.activity().join();
        engine.removeExpiredHistory();
      }
    }
    return removed;
  }

  private void generate(EngineGateway gateway) {
    String finishing = Bpmn.convertToString(Bpmn.createExecutableProcess(PROCESS).startEvent()
        .serviceTask("work", task -> task.zeebeJobType(JOB_TYPE)).endEvent().done());
    String waiting = Bpmn.convertToString(BenchModels.waiting());
    gateway.deploy(List.of(new DeploymentResource("recovery.bpmn", finishing.getBytes(StandardCharsets.UTF_8)),
        new DeploymentResource("waiting.bpmn", waiting.getBytes(StandardCharsets.UTF_8))), null).join();
    for (int done = 0; done < finished; done += CHUNK) {
      int chunk = Math.min(CHUNK, finished - done);
      create(gateway, PROCESS, chunk).forEach(CompletableFuture::join);
      int completed = 0;
      while (completed < chunk) {
        List<ActivatedJob> jobs = gateway.activateJobs(new ActivateJobs(JOB_TYPE, "bench", 60_000, chunk - completed,
            List.of(), 0, null)).join();
        List<CompletableFuture<Void>> completions = new ArrayList<>();
        for (ActivatedJob job : jobs) {
          completions.add(gateway.completeJob(job.key(), "{\"done\":true}"));
        }
        completions.forEach(CompletableFuture::join);
        completed += jobs.size();
      }
    }
    for (int done = 0; done < active; done += CHUNK) {
      create(gateway, BenchModels.WAITING, Math.min(CHUNK, active - done)).forEach(CompletableFuture::join);
    }
  }

  private static List<CompletableFuture<?>> create(EngineGateway gateway, String processId, int count) {
    List<CompletableFuture<?>> created = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      created.add(gateway.createProcessInstance(new CreateProcessInstance(processId, null, null,
          "{\"orderId\":\"O-" + i + "\",\"amount\":\"120.50\"}", List.of(), false, 0, List.of(), null)));
    }
    return created;
  }

  private EngineOptions options(Path data, SnapshotPolicy policy, Duration retention) {
    return EngineOptions.builder().dataDirectory(data).restEnabled(false).durableCommits(true).clock(clock)
        .snapshots(policy).historyRetention(retention).build();
  }

  private static Disk disk(Path data) throws SQLException, IOException {
    long fileBytes = 0;
    try (Stream<Path> files = Files.list(data)) {
      for (Path file : files.filter(f -> f.getFileName().toString().startsWith("engranaje.db")).toList()) {
        fileBytes += Files.size(file);
      }
    }
    long pageSize = count(data, "PRAGMA page_size");
    long live = (count(data, "PRAGMA page_count") - count(data, "PRAGMA freelist_count")) * pageSize;
    return new Disk(fileBytes, live);
  }

  private static long count(Path data, String sql) throws SQLException {
    try (Connection connection = connect(data); Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void execute(Path data, String sql) throws SQLException {
    try (Connection connection = connect(data); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static Connection connect(Path data) throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + data.resolve("engranaje.db").toAbsolutePath());
  }

  private static void delete(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
