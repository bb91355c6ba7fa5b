package dev.engranaje.engine.durability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.engine.testkit.TestEngine;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.worker.JobWorker;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "Must show 3": an engine killed with SIGKILL loses no committed instance and completes
 * none twice. The engine runs in a child JVM with fsync on every commit; the test kills it, starts
 * a new one on the same data directory and checks the record log in the SQLite file itself.
 */
class CrashRecoveryTest {
  private static final int INSTANCES = 1_000;
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir
  Path dataDirectory;

  @Test
  void shouldCompleteEveryInstanceExactlyOnceWhenKilledWhileJobsWait() {
    // given
    String processId = TestEngine.uniqueProcessId();
    String type = processId + "-work";
    Set<Long> instanceKeys;
    List<Long> timedOutJobs;
    try (EngineProcess engine = EngineProcess.start(dataDirectory); CamundaClient client = newClient(engine.restAddress())) {
      deploy(client, processId, type);
      instanceKeys = createInstances(client, processId);
      // a tenth of the jobs is activated with a short timeout and never completed: after the crash
      // their deadline has passed, so they must be offered again
      List<Long> activated = client.newActivateJobsCommand().jobType(type).maxJobsToActivate(100)
          .timeout(Duration.ofSeconds(1)).send().join().getJobs().stream().map(ActivatedJob::getKey).toList();
      assertThat(activated).hasSize(100);
      timedOutJobs = activated;
      try (RecordLogReader log = RecordLogReader.open(dataDirectory)) {
        assertThat(log.countEvents("JOB", "CREATED")).isEqualTo(INSTANCES);
      }

      // when
      assertThat(engine.kill()).isEqualTo(EngineProcess.SIGKILL_EXIT_CODE);
    }

    // then
    try (RecordLogReader log = RecordLogReader.open(dataDirectory)) {
      assertThat(log.eventKeys("PROCESS_INSTANCE", "ELEMENT_ACTIVATED")).as("every acknowledged creation survives the crash")
          .containsAll(instanceKeys);
    }
    completeAllAfterRestart(processId, type, instanceKeys);
    assertCompletedExactlyOnce(processId, instanceKeys);
    try (RecordLogReader log = RecordLogReader.open(dataDirectory)) {
      assertThat(log.eventKeys("JOB", "TIMED_OUT")).as("jobs whose deadline passed during the crash were offered again")
          .containsAll(timedOutJobs);
    }
  }

  @Test
  void shouldCompleteEveryInstanceExactlyOnceWhenKilledWhileWorkersComplete() {
    // given
    String processId = TestEngine.uniqueProcessId();
    String type = processId + "-work";
    Set<Long> instanceKeys;
    Set<Long> acknowledgedAtCrash;
    try (EngineProcess engine = EngineProcess.start(dataDirectory); CamundaClient client = newClient(engine.restAddress())) {
      deploy(client, processId, type);
      instanceKeys = createInstances(client, processId);
      Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
      try (RecordLogReader log = RecordLogReader.open(dataDirectory);
          JobWorker worker = openWorker(client, type, acknowledged)) {
        LongSupplier completed = () -> log.completedProcessInstanceKeys(processId).size();
        TestEngine.await("a third of the instances completed", WAIT, () -> completed.getAsLong() >= INSTANCES / 3);

        // when: killed while the worker is activating and completing
        assertThat(engine.kill()).isEqualTo(EngineProcess.SIGKILL_EXIT_CODE);
        acknowledgedAtCrash = Set.copyOf(acknowledged);
        long completedBeforeCrash = completed.getAsLong();
        System.out.printf("[durability] killed engine while workers ran: %d of %d instances had completed,"
            + " %d completions acknowledged%n", completedBeforeCrash, INSTANCES, acknowledgedAtCrash.size());
        assertThat(completedBeforeCrash).isLessThan(INSTANCES);
      }
    }

    // then
    try (RecordLogReader log = RecordLogReader.open(dataDirectory)) {
      assertThat(log.eventKeys("JOB", "COMPLETED")).as("every acknowledged completion is in the log after the crash")
          .containsAll(acknowledgedAtCrash);
    }
    completeAllAfterRestart(processId, type, instanceKeys);
    assertCompletedExactlyOnce(processId, instanceKeys);
  }

  private void completeAllAfterRestart(String processId, String type, Set<Long> instanceKeys) {
    EngineProcess engine = EngineProcess.start(dataDirectory);
    System.out.println("[durability] restarted in " + engine.startMillis() + " ms: " + engine.readyLine());
    try (CamundaClient client = newClient(engine.restAddress())) {
      long started = System.nanoTime();
      try (JobWorker worker = openWorker(client, type, ConcurrentHashMap.newKeySet())) {
        TestEngine.await("all instances completed", WAIT, () -> countInstances(client, processId, ProcessInstanceState.COMPLETED) == INSTANCES);
      }
      System.out.printf("[durability] all instances completed %d ms after restart%n", (System.nanoTime() - started) / 1_000_000);
      assertThat(countInstances(client, processId, ProcessInstanceState.ACTIVE)).isZero();
      long someInstance = instanceKeys.iterator().next();
      assertThat(client.newProcessInstanceGetRequest(someInstance).send().join().getState())
          .isEqualTo(ProcessInstanceState.COMPLETED);
      // stop the engine before the client: the worker's open long poll would hold the client's close
      engine.close();
    } finally {
      engine.close();
    }
  }

  private void assertCompletedExactlyOnce(String processId, Set<Long> instanceKeys) {
    try (RecordLogReader log = RecordLogReader.open(dataDirectory)) {
      List<Long> completedInstances = log.completedProcessInstanceKeys(processId);
      assertThat(completedInstances).hasSize(INSTANCES).doesNotHaveDuplicates();
      assertThat(new HashSet<>(completedInstances)).isEqualTo(instanceKeys);
      assertThat(log.elementInstancesCompletedMoreThanOnce()).isEmpty();
      assertThat(log.jobsCompletedMoreThanOnce()).isEmpty();
      assertThat(log.countEvents("JOB", "COMPLETED")).isEqualTo(INSTANCES);
      assertThat(log.countVariablesCreated("done")).as("the worker's variable, once per instance").isEqualTo(INSTANCES);
      assertThat(log.positionsAreDense()).isTrue();
    }
  }

  private static CamundaClient newClient(URI restAddress) {
    return CamundaClient.newClientBuilder().restAddress(restAddress).grpcAddress(restAddress).preferRestOverGrpc(true)
        .numJobWorkerExecutionThreads(16).build();
  }

  private static void deploy(CamundaClient client, String processId, String type) {
    client.newDeployResourceCommand().addProcessModel(TestEngine.serviceTaskProcess(processId, type), "process.bpmn")
        .send().join();
  }

  /** Creates the instances with up to 64 requests in flight; every one must be acknowledged. */
  private static Set<Long> createInstances(CamundaClient client, String processId) {
    long started = System.nanoTime();
    Semaphore inFlight = new Semaphore(64);
    List<CompletableFuture<Long>> created = new ArrayList<>(INSTANCES);
    for (int i = 0; i < INSTANCES; i++) {
      inFlight.acquireUninterruptibly();
      created.add(client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion()
          .variables(Map.of("n", i)).send().toCompletableFuture()
          .whenComplete((event, failure) -> inFlight.release())
          .thenApply(event -> event.getProcessInstanceKey()));
    }
    Set<Long> keys = new HashSet<>();
    created.forEach(future -> keys.add(future.join()));
    assertThat(keys).hasSize(INSTANCES);
    System.out.printf("[durability] created %d instances in %d ms%n", INSTANCES, (System.nanoTime() - started) / 1_000_000);
    return keys;
  }

  /** A worker completing every job with a variable; records the jobs whose completion was acknowledged. */
  private static JobWorker openWorker(CamundaClient client, String type, Set<Long> acknowledged) {
    return client.newWorker().jobType(type)
        .handler((jobClient, job) -> {
          try {
            jobClient.newCompleteCommand(job.getKey()).variables(Map.of("done", true)).send().join();
            acknowledged.add(job.getKey());
          } catch (ClientException engineGone) {
            // the engine was killed: the job's deadline passes and a worker of the next engine gets it
          }
        })
        .maxJobsActive(128)
        .timeout(Duration.ofSeconds(2))
        .pollInterval(Duration.ofMillis(50))
        .open();
  }

  private static long countInstances(CamundaClient client, String processId, ProcessInstanceState state) {
    return client.newProcessInstanceSearchRequest().filter(f -> f.processDefinitionId(processId).state(state))
        .page(p -> p.limit(1)).send().join().page().totalItems();
  }

}
