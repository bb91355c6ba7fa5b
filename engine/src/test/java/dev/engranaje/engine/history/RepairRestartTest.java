package dev.engranaje.engine.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.engine.record.ProcessInstanceIntent;
import dev.engranaje.engine.storage.SqliteRecordLog;
import dev.engranaje.engine.testkit.TestEngine;
import dev.engranaje.engine.time.ControlledClock;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A modified and migrated instance survives a restart (its state is rebuilt from the records of
 * the modification and the migration) and its history equals one rebuilt from the log.
 */
class RepairRestartTest {
  @TempDir
  Path dataDirectory;

  private final ControlledClock clock = ControlledClock.startingNow();

  @Test
  void shouldKeepAModifiedAndMigratedInstanceAcrossARestart() throws Exception {
    String processId = TestEngine.uniqueProcessId();
    String type = processId + "-check";
    long instanceKey;
    long target;
    try (TestEngine engine = TestEngine.durable(dataDirectory, clock)) {
      // given
      long source = engine.deploy(Bpmn.createExecutableProcess(processId).startEvent()
          .serviceTask("check", t -> t.zeebeJobType(type)).endEvent().done()).getProcesses().get(0)
          .getProcessDefinitionKey();
      target = engine.deploy(Bpmn.createExecutableProcess(processId).startEvent()
          .serviceTask("check", t -> t.zeebeJobType(type)).serviceTask("archive", t -> t.zeebeJobType(processId + "-a"))
          .endEvent().done()).getProcesses().get(0).getProcessDefinitionKey();
      instanceKey = engine.client().newCreateInstanceCommand().processDefinitionKey(source).send().join()
          .getProcessInstanceKey();
      engine.awaitElement(instanceKey, "check", ProcessInstanceIntent.ELEMENT_ACTIVATED);

      // when
      engine.client().newModifyProcessInstanceCommand(instanceKey).activateElement("check")
          .withVariables(Map.of("second", true), "check").send().join();
      engine.client().newMigrateProcessInstanceCommand(instanceKey).migrationPlan(target)
          .addMappingInstruction("check", "check").send().join();
    }

    // then
    try (TestEngine engine = TestEngine.durable(dataDirectory, clock)) {
      assertThat(engine.client().newProcessInstanceGetRequest(instanceKey).send().join().getProcessDefinitionKey())
          .isEqualTo(target);
      List<ActivatedJob> checks = engine.activateJobs(type, 2);
      assertThat(checks).hasSize(2).allSatisfy(job -> assertThat(job.getProcessDefinitionKey()).isEqualTo(target));
      assertThat(checks).filteredOn(job -> job.getVariablesAsMap().containsKey("second")).hasSize(1);
      for (ActivatedJob check : checks) {
        engine.client().newCompleteCommand(check.getKey()).send().join();
      }
      for (ActivatedJob archive : engine.activateJobs(processId + "-a", 2)) {
        engine.client().newCompleteCommand(archive.getKey()).send().join();
      }
      engine.awaitCompleted(instanceKey);
    }
    Map<String, List<String>> live = dump();
    try (SqliteRecordLog log = SqliteRecordLog.open(dataDirectory, false)) {
      log.rebuildHistory();
    }
    Map<String, List<String>> rebuilt = dump();
    for (String table : HistorySchema.TABLES) {
      assertThat(rebuilt.get(table)).as(table).containsExactlyElementsOf(live.get(table));
    }
    assertThat(live.get("h_element_instance")).filteredOn(row -> row.contains("element_id=check "))
        .hasSize(2).allMatch(row -> row.contains("process_definition_key=" + target + " "));
  }

  private Map<String, List<String>> dump() throws SQLException {
    Map<String, List<String>> tables = new LinkedHashMap<>();
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dataDirectory.resolve("engranaje.db"));
        Statement statement = connection.createStatement()) {
      for (String table : HistorySchema.TABLES) {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery("SELECT * FROM " + table + " ORDER BY 1, 2")) {
          while (rs.next()) {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
              row.append(rs.getMetaData().getColumnName(i)).append('=').append(rs.getString(i)).append(' ');
            }
            rows.add(row.toString());
          }
        }
        tables.put(table, rows);
      }
    }
    return tables;
  }
}
