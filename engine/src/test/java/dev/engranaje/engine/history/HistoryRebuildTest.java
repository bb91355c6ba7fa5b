package dev.engranaje.engine.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.engine.storage.SqliteRecordLog;
import dev.engranaje.engine.testkit.TestEngine;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The history is written with the records it is made from and never diverges from the log: after
 * a mixed workload it equals, table by table and row by row, a history rebuilt from the log alone;
 * a database whose history is missing gets it rebuilt when it is opened.
 */
class HistoryRebuildTest {
  @TempDir
  Path directory;

  @Test
  void shouldEqualAHistoryRebuiltFromTheLogAfterAMixedWorkload() throws Exception {
    // given
    try (TestEngine engine = TestEngine.durable(directory)) {
      new HistoryWorkload("rebuild").run(engine);
    }
    Map<String, List<String>> live = dump();
    assertThat(live.get("h_process_instance")).hasSizeGreaterThanOrEqualTo(8);
    assertThat(live.get("h_variable_change")).isNotEmpty();
    assertThat(live.get("h_decision_instance")).isNotEmpty();

    // when
    try (SqliteRecordLog log = SqliteRecordLog.open(directory, false)) {
      log.rebuildHistory();
    }

    // then
    Map<String, List<String>> rebuilt = dump();
    for (String table : HistorySchema.TABLES) {
      assertThat(rebuilt.get(table)).as(table).containsExactlyElementsOf(live.get(table));
    }
  }

  @Test
  void shouldRebuildAMissingHistoryWhenTheDatabaseIsOpened() throws Exception {
    // given
    HistoryWorkload workload;
    try (TestEngine engine = TestEngine.durable(directory)) {
      workload = new HistoryWorkload("missing").run(engine);
    }
    Map<String, List<String>> live = dump();
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      HistorySchema.drop(statement); // as a database written before the history existed
    }

    // when
    try (TestEngine engine = TestEngine.durable(directory)) {
      // then
      assertThat(engine.client().newProcessInstanceGetRequest(workload.completed).send().join().getState())
          .isEqualTo(ProcessInstanceState.COMPLETED);
    }
    assertThat(dump()).isEqualTo(live);
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + directory.resolve("engranaje.db"));
  }

  private Map<String, List<String>> dump() throws SQLException {
    return HistoryDump.of(directory);
  }
}
