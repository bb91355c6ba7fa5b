package dev.engranaje.engine.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.engine.snapshot.SnapshotCodec;
import dev.engranaje.engine.snapshot.SnapshotPolicy;
import dev.engranaje.engine.snapshot.StateSnapshot;
import dev.engranaje.engine.storage.SqliteRecordLog;
import dev.engranaje.engine.testkit.TestEngine;
import dev.engranaje.engine.time.ControlledClock;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compaction removes from the log the records of instances that retention removed from the history
 * and commands older than the retention, after a snapshot; the history rebuilt from the compacted log
 * is the history the engine kept, and the engine recovers the same state from it, with or without
 * its snapshots.
 */
class LogCompactionTest {
  /** A snapshot after (nearly) every batch, so the compaction horizon follows the log closely. */
  private static final SnapshotPolicy EVERY_BATCH = new SnapshotPolicy(1, Duration.ofDays(365));

  @TempDir
  Path directory;

  private final ControlledClock clock = ControlledClock.startingNow();
  private final SnapshotCodec codec = new SnapshotCodec();

  @Test
  void shouldRemoveTheRecordsOfExpiredInstancesAndKeepAHistoryThatARebuildFromTheLogReproduces() throws Exception {
    // given
    HistoryWorkload workload;
    String stateBefore;
    long recordsBefore;
    try (TestEngine engine = TestEngine.durable(directory, clock, EVERY_BATCH)) {
      workload = new HistoryWorkload("compaction").run(engine);
      clock.advance(Duration.ofDays(31));
      long aged = count("SELECT MAX(position) FROM records");
      // snapshots are written asynchronously: run work until both kept snapshots are past the aged records
      for (int i = 0; i < 50 && count("SELECT COALESCE(MIN(position), 0) FROM snapshots") <= aged; i++) {
        engine.awaitCompleted(engine.createInstance(workload.decisionProcess,
            Map.of("amount", 2500, "supplierCategory", "standard")));
      }
      assertThat(count("SELECT MIN(position) FROM snapshots")).isGreaterThan(aged);
      recordsBefore = count("SELECT COUNT(*) FROM records");

      // when
      assertThat(engine.engine().removeExpiredHistory()).as("completed, canceled, parent, decided").isEqualTo(4);
      stateBefore = state(engine);
    }

    // then: the removed instances' records and the old commands are gone, the rest is kept
    assertThat(count("SELECT COUNT(*) FROM records WHERE process_instance_key = " + workload.completed)).isZero();
    assertThat(count("SELECT COUNT(*) FROM records WHERE process_instance_key = " + workload.waiting)).isPositive();
    assertThat(count("SELECT COUNT(*) FROM records WHERE record_type <> 'EVENT' AND timestamp < "
        + (clock.millis() - Duration.ofDays(30).toMillis()))).isZero();
    assertThat(count("SELECT COUNT(*) FROM records WHERE value_type = 'DEPLOYMENT'")).isPositive();
    assertThat(count("SELECT COUNT(*) FROM records")).isLessThan(recordsBefore);
    assertThat(count("SELECT COUNT(*) FROM log_compaction_queue")).isZero();

    // then: a history rebuilt from the compacted log equals the one kept
    Map<String, List<String>> kept = HistoryDump.of(directory);
    try (SqliteRecordLog log = SqliteRecordLog.open(directory, false)) {
      log.rebuildHistory();
    }
    Map<String, List<String>> rebuilt = HistoryDump.of(directory);
    for (String table : HistorySchema.TABLES) {
      assertThat(rebuilt.get(table)).as(table).containsExactlyElementsOf(kept.get(table));
    }

    // then: the same state comes back from the snapshot and from the compacted log alone
    try (TestEngine engine = TestEngine.durable(directory, clock, EVERY_BATCH)) {
      assertThat(engine.engine().recovery().snapshotPosition()).isPositive();
      assertThat(state(engine)).isEqualTo(stateBefore);
    }
    execute("DELETE FROM snapshots");
    try (TestEngine engine = TestEngine.durable(directory, clock, EVERY_BATCH)) {
      assertThat(engine.engine().recovery().snapshotPosition()).isZero();
      assertThat(state(engine)).isEqualTo(stateBefore);
      assertThat(engine.client().newProcessInstanceGetRequest(workload.waiting).send().join().getState())
          .isEqualTo(ProcessInstanceState.ACTIVE);
    }
  }

  private String state(TestEngine engine) {
    StateSnapshot captured = engine.engine().captureState().join();
    return new String(codec.encode(new StateSnapshot(0, captured.images())), StandardCharsets.UTF_8);
  }

  private long count(String sql) throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private void execute(String sql) throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + directory.resolve("engranaje.db").toAbsolutePath());
  }
}
