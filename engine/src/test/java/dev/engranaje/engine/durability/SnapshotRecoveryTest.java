package dev.engranaje.engine.durability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.engine.Engine;
import dev.engranaje.engine.expression.ExpressionLanguage;
import dev.engranaje.engine.model.ProcessTransformer;
import dev.engranaje.engine.processing.deployment.ProcessLoader;
import dev.engranaje.engine.record.Record;
import dev.engranaje.engine.snapshot.SnapshotCodec;
import dev.engranaje.engine.snapshot.SnapshotPolicy;
import dev.engranaje.engine.snapshot.StateSnapshot;
import dev.engranaje.engine.state.EngineState;
import dev.engranaje.engine.state.EventApplier;
import dev.engranaje.engine.state.SnapshotContext;
import dev.engranaje.engine.storage.SqliteRecordLog;
import dev.engranaje.engine.testkit.TestEngine;
import dev.engranaje.engine.time.ControlledClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recovery from a snapshot and the log after it must give the state a replay of the whole log
 * gives, wherever the snapshot was taken; a damaged snapshot is skipped for an older one, and with
 * none left the whole log is replayed. The workload is {@link StateRebuildTest}'s, which touches
 * every kind of record.
 */
class SnapshotRecoveryTest {
  private static final SnapshotPolicy OFTEN = new SnapshotPolicy(150, Duration.ofDays(365));

  @TempDir
  Path dataDirectory;

  private final StateRebuildTest workload = new StateRebuildTest();
  private final SnapshotCodec codec = new SnapshotCodec();
  private final ProcessLoader loader =
      new ProcessLoader(new ProcessTransformer(new ExpressionLanguage(ControlledClock.startingNow())));

  @Test
  void shouldRecoverFromASnapshotAtAnyPositionAndItsTailTheStateTheWholeLogGives() {
    // given
    List<Record> written;
    try (TestEngine engine = TestEngine.durable(dataDirectory, workload.clock)) {
      workload.runWorkload(engine);
      written = engine.records().all();
    }
    String wholeLog = image(StateRebuildTest.apply(written));

    // when: a snapshot after every 20th record, restored and followed by the rest of the log
    EngineState progressive = new EngineState();
    EventApplier applier = new EventApplier(progressive, loader::load);
    List<Integer> splits = new ArrayList<>();
    List<byte[]> snapshots = new ArrayList<>();
    for (int i = 0; i < written.size(); i++) {
      applier.apply(written.get(i));
      if (i % 20 == 0) {
        splits.add(i + 1);
        snapshots.add(codec.encode(StateSnapshot.capture(progressive, written.get(i).position(), Long.MIN_VALUE)));
      }
    }

    // then
    assertThat(splits).hasSizeGreaterThan(20);
    for (int s = 0; s < splits.size(); s++) {
      EngineState restored = new EngineState();
      codec.restore(snapshots.get(s), restored, new SnapshotContext(loader::load));
      EventApplier tail = new EventApplier(restored, loader::load);
      written.subList(splits.get(s), written.size()).forEach(tail::apply);
      assertThat(image(restored)).as("snapshot after %d of %d records", splits.get(s), written.size())
          .isEqualTo(wholeLog);
    }
  }

  @Test
  void shouldRestartFromTheNewestSnapshotThenAnOlderOneThenTheWholeLogWhenSnapshotsAreDamaged() throws Exception {
    // given: an engine that snapshots every 150 records and once more when it stops
    try (TestEngine engine = TestEngine.durable(dataDirectory, workload.clock, OFTEN)) {
      workload.runWorkload(engine);
    }
    List<Long> positions;
    try (SqliteRecordLog log = SqliteRecordLog.open(dataDirectory, false)) {
      positions = log.snapshotPositions();
    }
    assertThat(positions).as("the newest two snapshots are kept").hasSize(2);

    // when / then: intact, the newest is used
    assertThat(restartAndCompare()).isEqualTo(latestSnapshot());

    // when / then: the newest damaged, the older one is used
    long newest = latestSnapshot();
    long older = olderSnapshot();
    damage(newest);
    assertThat(restartAndCompare()).isEqualTo(older);

    // when / then: both damaged, the whole log is replayed
    damageAll();
    assertThat(restartAndCompare()).isZero();
  }

  /** Restarts, compares the recovered state with a replay of the whole log, and says which snapshot was used. */
  private long restartAndCompare() {
    String recovered;
    long snapshotPosition;
    try (TestEngine engine = TestEngine.durable(dataDirectory, workload.clock, OFTEN)) {
      Engine.RecoveryReport recovery = engine.engine().recovery();
      snapshotPosition = recovery.snapshotPosition();
      recovered = new String(codec.encode(withoutPosition(engine.engine().captureState().join())),
          StandardCharsets.UTF_8);
    }
    List<Record> stored = new ArrayList<>();
    try (SqliteRecordLog log = SqliteRecordLog.open(dataDirectory, false)) {
      log.replay(stored::add);
    }
    assertThat(recovered).as("state recovered from snapshot %d", snapshotPosition)
        .isEqualTo(image(StateRebuildTest.apply(stored)));
    return snapshotPosition;
  }

  private long latestSnapshot() {
    try (SqliteRecordLog log = SqliteRecordLog.open(dataDirectory, false)) {
      return log.snapshotPositions().get(0);
    }
  }

  private long olderSnapshot() {
    try (SqliteRecordLog log = SqliteRecordLog.open(dataDirectory, false)) {
      return log.snapshotPositions().get(1);
    }
  }

  private void damage(long position) throws SQLException {
    try (Connection connection = database();
        PreparedStatement update = connection.prepareStatement(
            "UPDATE snapshots SET content = substr(content, 1, length(content) / 2) WHERE position = ?")) {
      update.setLong(1, position);
      assertThat(update.executeUpdate()).isOne();
    }
  }

  private void damageAll() throws SQLException {
    try (Connection connection = database();
        PreparedStatement update = connection.prepareStatement("UPDATE snapshots SET content = X'00'")) {
      assertThat(update.executeUpdate()).isEqualTo(2);
    }
  }

  private Connection database() throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + dataDirectory.resolve("engranaje.db").toAbsolutePath());
  }

  private String image(EngineState state) {
    return new String(codec.encode(StateSnapshot.capture(state, 0, Long.MIN_VALUE)), StandardCharsets.UTF_8);
  }

  private static StateSnapshot withoutPosition(StateSnapshot snapshot) {
    return new StateSnapshot(0, snapshot.images());
  }
}
