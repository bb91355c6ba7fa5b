package dev.engranaje.engine.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engranaje.engine.testkit.TestEngine;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.response.ProcessInstance;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retention: a finished instance stays in the history for the retention (30 days by default) after
 * it ended, then goes with everything it owns and its called instances; running instances stay.
 */
class HistoryRetentionTest {
  @TempDir
  Path directory;

  @Test
  void shouldRemoveFinishedInstancesWithAllTheyOwnOnceTheRetentionHasPassed() throws Exception {
    try (TestEngine engine = TestEngine.durable(directory)) {
      // given
      CamundaClient client = engine.client();
      HistoryWorkload workload = new HistoryWorkload("retention").run(engine);
      engine.clock().advance(Duration.ofDays(29));
      assertThat(engine.engine().removeExpiredHistory()).isZero();

      // when
      engine.clock().advance(Duration.ofDays(2));
      int removed = engine.engine().removeExpiredHistory();

      // then completed, canceled, parent (with the instance it called) and decided are gone
      assertThat(removed).isEqualTo(4);
      assertThatThrownBy(() -> client.newProcessInstanceGetRequest(workload.completed).send().join())
          .hasMessageContaining("404");
      List<Long> left = client.newProcessInstanceSearchRequest().send().join().items().stream()
          .map(ProcessInstance::getProcessInstanceKey).toList();
      assertThat(left).containsExactlyInAnyOrder(workload.repaired, workload.failing, workload.waiting,
          workload.correlated);
      assertThat(client.newVariableSearchRequest().filter(f -> f.processInstanceKey(workload.completed)).send().join()
          .items()).isEmpty();
      assertThat(client.newJobSearchRequest().filter(f -> f.type(workload.jobType)).send().join().items())
          .extracting(job -> job.getProcessInstanceKey()).containsOnly(workload.repaired, workload.failing);
      assertThat(engine.engine().removeExpiredHistory()).isZero();
    }
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + directory.resolve("engranaje.db"));
        Statement statement = connection.createStatement()) {
      for (String table : List.of("h_element_instance", "h_variable", "h_job", "h_incident", "h_sequence_flow",
          "h_message_subscription", "h_decision_instance")) {
        try (ResultSet orphans = statement.executeQuery("SELECT COUNT(*) FROM " + table + " x WHERE x.process_instance_key"
            + " NOT IN (SELECT process_instance_key FROM h_process_instance)")) {
          orphans.next();
          assertThat(orphans.getLong(1)).as("rows of removed instances in %s", table).isZero();
        }
      }
      try (ResultSet changes = statement.executeQuery("SELECT COUNT(*) FROM h_variable_change c WHERE c.variable_key"
          + " NOT IN (SELECT variable_key FROM h_variable)")) {
        changes.next();
        assertThat(changes.getLong(1)).isZero();
      }
    }
  }
}
