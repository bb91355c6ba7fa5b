package dev.engranaje.engine.durability;

import static dev.engranaje.engine.testkit.TestEngine.newClient;
import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.engine.history.HistoryDump;
import dev.engranaje.engine.storage.SqliteRecordLog;
import dev.engranaje.engine.testkit.TestEngine;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.Variable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "Must show 4": an engine killed with SIGKILL while it stores a snapshot, while it
 * compacts the log and while it removes expired history loses nothing it acknowledged: after a
 * restart every acknowledged instance, incident and variable is there, and the history equals one
 * rebuilt from the log. The engine runs in a child JVM (fsync on) that stops inside the chosen
 * step's open transaction, so the kill lands exactly there.
 */
class MaintenanceCrashTest {
  private static final Duration WAIT = Duration.ofSeconds(90);

  @TempDir
  Path dataDirectory;

  private final String processId = TestEngine.uniqueProcessId();
  private final String type = processId + "-work";
  /** Instances the engine acknowledged, each with the state it must have after the restart. */
  private final Map<Long, ProcessInstanceState> instances = new ConcurrentHashMap<>();
  private final Set<Long> incidents = ConcurrentHashMap.newKeySet();
  /** Acknowledged variables as instance key and name. */
  private final Set<String> variables = ConcurrentHashMap.newKeySet();

  @Test
  void shouldLoseNothingAcknowledgedWhenKilledWhileStoringASnapshot() throws Exception {
    // given
    try (EngineProcess engine = EngineProcess.startPausingIn(dataDirectory, "snapshot");
        CamundaClient client = newClient(engine.restAddress())) {
      deploy(client);
      Thread workload = new Thread(() -> {
        try {
          runWorkload(client, 40);
        } catch (RuntimeException e) {
          // the engine stopped answering once it paused inside the snapshot, or was killed
        }
      }, "workload");
      workload.start();
      awaitUntil("the engine paused inside a snapshot", () -> engine.printed(EngineProcessMain.PAUSED + "snapshot"));

      // when
      assertThat(engine.kill()).isEqualTo(EngineProcess.SIGKILL_EXIT_CODE);
      workload.join(WAIT.toMillis());
    }

    // then
    assertThat(instances).isNotEmpty();
    assertEverythingAcknowledgedSurvivesAndTheHistoryMatchesTheLog(Set.of());
  }

  @Test
  void shouldLoseNothingAcknowledgedWhenKilledWhileRemovingExpiredHistory() throws Exception {
    // given
    try (EngineProcess engine = EngineProcess.startPausingIn(dataDirectory, "retention");
        CamundaClient client = newClient(engine.restAddress())) {
      deploy(client);
      runWorkloadThenAge(client);

      // when
      engine.send("retention");
      awaitUntil("the engine paused inside a retention batch", () -> engine.printed(EngineProcessMain.PAUSED + "retention"));
      assertThat(engine.kill()).isEqualTo(EngineProcess.SIGKILL_EXIT_CODE);
    }

    // then: the batch rolled back, so the finished instances are all still there
    assertEverythingAcknowledgedSurvivesAndTheHistoryMatchesTheLog(Set.of());
  }

  @Test
  void shouldLoseNothingAcknowledgedWhenKilledWhileCompactingTheLog() throws Exception {
    // given
    try (EngineProcess engine = EngineProcess.startPausingIn(dataDirectory, "compaction");
        CamundaClient client = newClient(engine.restAddress())) {
      deploy(client);
      runWorkloadThenAge(client);

      // when
      engine.send("retention");
      awaitUntil("the engine paused inside a compaction batch", () -> engine.printed(EngineProcessMain.PAUSED + "compaction"));
      assertThat(engine.kill()).isEqualTo(EngineProcess.SIGKILL_EXIT_CODE);
    }

    // then: retention had committed (the finished instances left the history), compaction had not
    Set<Long> expired = instances.entrySet().stream().filter(e -> e.getValue() == ProcessInstanceState.COMPLETED)
        .map(Map.Entry::getKey).collect(Collectors.toSet());
    assertThat(expired).isNotEmpty();
    assertEverythingAcknowledgedSurvivesAndTheHistoryMatchesTheLog(expired);
  }

  /** A workload, then a wait past the one-second retention, then more work so snapshots pass it. */
  private void runWorkloadThenAge(CamundaClient client) {
    runWorkload(client, 30);
    long finishedBy = System.currentTimeMillis();
    awaitUntil("the finished instances are older than the retention", () -> System.currentTimeMillis() > finishedBy + 1_500);
    for (int i = 0; i < 40; i++) {
      long key = client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion()
          .variables(Map.of("late", i)).send().join().getProcessInstanceKey();
      instances.put(key, ProcessInstanceState.ACTIVE);
    }
  }

  /**
   * Creates instances and, per instance, completes its job (a third), fails it without retries (a
   * third: an incident) or sets a variable and leaves it waiting; records each acknowledgement.
   */
  private void runWorkload(CamundaClient client, int count) {
    for (int i = 0; i < count; i++) {
      long key = client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion()
          .variables(Map.of("n", i)).send().join().getProcessInstanceKey();
      instances.put(key, ProcessInstanceState.ACTIVE);
      variables.add(key + "/n");
      List<ActivatedJob> jobs = client.newActivateJobsCommand().jobType(type).maxJobsToActivate(1)
          .timeout(Duration.ofHours(1)).send().join().getJobs();
      assertThat(jobs).hasSize(1);
      ActivatedJob job = jobs.get(0);
      long instance = job.getProcessInstanceKey();
      switch (i % 3) {
        case 0 -> {
          client.newCompleteCommand(job.getKey()).variables(Map.of("done", true)).send().join();
          instances.put(instance, ProcessInstanceState.COMPLETED);
          variables.add(instance + "/done");
        }
        case 1 -> {
          client.newFailCommand(job.getKey()).retries(0).errorMessage("no paper").send().join();
          Incident incident = awaitIncident(client, instance);
          incidents.add(incident.getIncidentKey());
        }
        default -> {
          client.newSetVariablesCommand(instance).variables(Map.of("note", "waits")).send().join();
          variables.add(instance + "/note");
        }
      }
    }
  }

  private void assertEverythingAcknowledgedSurvivesAndTheHistoryMatchesTheLog(Set<Long> expired) throws Exception {
    try (EngineProcess engine = EngineProcess.startPausingIn(dataDirectory, "none");
        CamundaClient client = newClient(engine.restAddress())) {
      System.out.println("[durability] restarted after the kill: " + engine.readyLine());
      for (Map.Entry<Long, ProcessInstanceState> instance : instances.entrySet()) {
        List<ProcessInstanceState> found = client.newProcessInstanceSearchRequest()
            .filter(f -> f.processInstanceKey(instance.getKey())).send().join().items().stream()
            .map(i -> i.getState()).toList();
        if (expired.contains(instance.getKey())) {
          assertThat(found).as("instance %d, removed by retention before the kill", instance.getKey()).isEmpty();
        } else {
          assertThat(found).as("instance %d", instance.getKey()).containsExactly(instance.getValue());
        }
      }
      Set<Long> openIncidents = client.newIncidentSearchRequest().filter(f -> f.processDefinitionId(processId))
          .page(p -> p.limit(1000)).send().join().items().stream().map(Incident::getIncidentKey)
          .collect(Collectors.toSet());
      assertThat(openIncidents).as("acknowledged incidents").containsAll(incidents);
      for (String variable : variables) {
        long instance = Long.parseLong(variable.substring(0, variable.indexOf('/')));
        String name = variable.substring(variable.indexOf('/') + 1);
        if (expired.contains(instance)) {
          continue;
        }
        List<Variable> found = client.newVariableSearchRequest()
            .filter(f -> f.processInstanceKey(instance).name(name)).send().join().items();
        assertThat(found).as("variable %s", variable).hasSize(1);
      }
      // retention and compaction run to the end once more, as they would a minute after the start
      engine.send("retention");
      awaitUntil("retention and compaction ran", () -> engine.printed(EngineProcessMain.RETENTION_DONE));
      engine.close();
    }
    Map<String, List<String>> live = HistoryDump.of(dataDirectory);
    try (SqliteRecordLog log = SqliteRecordLog.open(dataDirectory, false)) {
      log.rebuildHistory();
    }
    assertThat(HistoryDump.of(dataDirectory)).as("the history rebuilt from the log").isEqualTo(live);
  }

  private void deploy(CamundaClient client) {
    client.newDeployResourceCommand().addProcessModel(TestEngine.serviceTaskProcess(processId, type), "process.bpmn")
        .send().join();
  }

  private static Incident awaitIncident(CamundaClient client, long instance) {
    Incident[] found = new Incident[1];
    awaitUntil("an incident on " + instance, () -> {
      List<Incident> items = client.newIncidentSearchRequest().filter(f -> f.processInstanceKey(instance)).send().join()
          .items();
      found[0] = items.isEmpty() ? null : items.get(0);
      return found[0] != null;
    });
    return found[0];
  }

  private static void awaitUntil(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Timed out after " + WAIT + " waiting until " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("Interrupted while waiting until " + what, e);
      }
    }
  }
}
