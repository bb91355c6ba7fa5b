package dev.engranaje.engine.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.engine.storage.DataDirectory;
import dev.engranaje.engine.testkit.TestEngine;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "Must show 2": a model whose repeating timer start kills the processor ({@link
 * StackOverflowError}, injected by {@link PoisonEngineMain}'s test-only observer) in durable mode. Every
 * run recovers, fires the due timer and dies; after it killed two runs in a row, the third run
 * quarantines it (cancels the timer, reports it) and serves everything else.
 */
class QuarantineTest {

  @TempDir
  Path dataDirectory;

  @Test
  void shouldQuarantineTheTimerAndServeOtherInstancesWhenItKilledTheEngineTwiceInARow() throws Exception {
    // given: run 1 deploys the poison model (R/PT1S timer start) and a normal one, then dies
    String poisonId = PoisonEngineMain.POISON_PREFIX + TestEngine.uniqueProcessId();
    String processId = TestEngine.uniqueProcessId();
    String type = processId + "-work";
    try (ChildEngine first = ChildEngine.start(dataDirectory)) {
      try (CamundaClient client = TestEngine.newClient(first.awaitReady())) {
        client.newDeployResourceCommand().addProcessModel(TestEngine.serviceTaskProcess(processId, type), "normal.bpmn")
            .addProcessModel(Bpmn.createExecutableProcess(poisonId).startEvent("every-second").timerWithCycle("R/PT1S")
                .endEvent().done(), "poison.bpmn")
            .send().join();
      }
      assertThat(first.awaitExit()).as(first.output()).isEqualTo(PoisonEngineMain.EXIT_FATAL);
      assertThat(first.output()).contains(PoisonEngineMain.FAILED, "java.lang.StackOverflowError", "timer ",
          "of process '" + poisonId + "' (element 'every-second')", "restart it");
    }
    assertThat(marker().getProperty("count")).isEqualTo("1");

    // when: run 2 recovers, fires the due timer and dies again
    try (ChildEngine second = ChildEngine.start(dataDirectory)) {
      assertThat(second.awaitExit()).as(second.output()).isEqualTo(PoisonEngineMain.EXIT_FATAL);
    }
    assertThat(marker().getProperty("count")).isEqualTo("2");

    // then: run 3 quarantines the timer and serves the normal process
    try (ChildEngine third = ChildEngine.start(dataDirectory)) {
      URI address = third.awaitReady();
      assertThat(third.awaitLine(PoisonEngineMain.QUARANTINED)).as(third.output()).hasValueSatisfying(line ->
          assertThat(line).contains("of process '" + poisonId + "'", "stopped the engine 2 runs in a row",
              "java.lang.StackOverflowError", "it is quarantined: the timer is canceled"));
      try (CamundaClient client = TestEngine.newClient(address)) {
        long instance = client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion()
            .variables(Map.of("n", 1)).send().join().getProcessInstanceKey();
        ActivatedJob job = client.newActivateJobsCommand().jobType(type).maxJobsToActivate(1)
            .requestTimeout(Duration.ofSeconds(20)).send().join().getJobs().get(0);
        client.newCompleteCommand(job).send().join();
        awaitCompleted(client, instance);
        assertThat(health(address).statusCode()).isEqualTo(200);
        assertThat(client.newTopologyRequest().send().join().getBrokers().get(0).getPartitions().get(0).getHealth())
            .hasToString("HEALTHY");
      }
      assertThat(third.output()).doesNotContain(PoisonEngineMain.FAILED);
    }
    assertThat(countTimerEvents("CANCELED")).as("the quarantined timer is canceled in the log").isEqualTo(1);
    assertThat(countTimerEvents("TRIGGERED")).as("the poisonous timer never fired").isZero();
    assertThat(Files.exists(dataDirectory.resolve(DataDirectory.FATAL_FILE))).as("a clean stop clears the marker")
        .isFalse();
  }

  private Properties marker() throws IOException {
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(dataDirectory.resolve(DataDirectory.FATAL_FILE))) {
      properties.load(in);
    }
    assertThat(properties.getProperty("workId")).startsWith("timer:");
    assertThat(properties.getProperty("error")).isEqualTo("java.lang.StackOverflowError");
    return properties;
  }

  private long countTimerEvents(String intent) throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dataDirectory.resolve("engranaje.db"));
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM records WHERE record_type = 'EVENT'"
            + " AND value_type = 'TIMER' AND intent = '" + intent + "'")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static HttpResponse<String> health(URI address) throws IOException, InterruptedException {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(address.resolve("/health")).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static void awaitCompleted(CamundaClient client, long instance) {
    TestEngine.await("instance " + instance + " completed", ChildEngine.WAIT,
        () -> client.newProcessInstanceGetRequest(instance).send().join().getState() == ProcessInstanceState.COMPLETED);
  }
}
