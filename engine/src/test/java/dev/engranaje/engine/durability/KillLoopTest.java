package dev.engranaje.engine.durability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.engine.testkit.TestEngine;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9's "kill -9 in a loop under load": while the test JVM keeps creating instances and
 * completing jobs through the official client, a durable engine in a child JVM is killed with
 * SIGKILL every few seconds and started again on the same data directory. Afterwards the record log
 * in the SQLite file says: no acknowledged creation or completion lost, no element instance or job
 * completed twice, every instance that was committed completes, positions without a gap.
 *
 * <p>The CI version kills {@value #CI_KILLS} times. The soak version runs for {@code
 * -Dsoak.minutes=N} (e.g. {@code mvn -o -pl engine -am test -Dtest=KillLoopTest -Dsoak.minutes=5
 * -Dsurefire.failIfNoSpecifiedTests=false}), killing every 2 to 4 s instead of 1 to 2 s; {@code
 * -Dsoak.seed} fixes the intervals.
 */
class KillLoopTest {
  private static final int CI_KILLS = 5;
  private static final int IN_FLIGHT_CREATES = 16;
  /** Between kills: CI 1 to 2 s, soak 2 to 4 s. */
  private static final Duration CI_INTERVAL = Duration.ofSeconds(1);
  private static final Duration SOAK_INTERVAL = Duration.ofSeconds(2);
  private static final Duration FINAL_WAIT = Duration.ofMinutes(3);

  @TempDir Path dataDirectory;

  /** What the driver saw, for the figures and the checks. */
  private final Set<Long> acknowledgedCreations = ConcurrentHashMap.newKeySet();
  private final Set<Long> acknowledgedCompletions = ConcurrentHashMap.newKeySet();
  private final AtomicLong createsSent = new AtomicLong();
  private final AtomicLong createsRefused = new AtomicLong();

  @Test
  void shouldLoseNothingAndCompleteNothingTwiceWhenKilledRepeatedlyUnderLoad() throws Exception {
    // given
    String processId = TestEngine.uniqueProcessId();
    String type = processId + "-work";
    long soakMinutes = Long.getLong("soak.minutes", 0L);
    long deadline = System.nanoTime() + Duration.ofMinutes(soakMinutes).toNanos();
    Random intervals = new Random(Long.getLong("soak.seed", 9L));
    long interval = (soakMinutes > 0 ? SOAK_INTERVAL : CI_INTERVAL).toMillis();
    long started = System.nanoTime();
    int kills = 0;

    // when: load, kill, restart, again
    boolean deployed = false;
    while (soakMinutes > 0 ? System.nanoTime() < deadline : kills < CI_KILLS) {
      try (EngineProcess engine = EngineProcess.start(dataDirectory); CamundaClient client = newClient(engine.restAddress())) {
        if (!deployed) {
          client.newDeployResourceCommand().addProcessModel(TestEngine.serviceTaskProcess(processId, type), "process.bpmn")
              .send().join();
          deployed = true;
        }
        AtomicBoolean running = new AtomicBoolean(true);
        Thread creator = new Thread(() -> create(client, processId, running), "kill-loop-creator");
        creator.start();
        try (JobWorker worker = openWorker(client, type)) {
          Thread.sleep(interval + intervals.nextInt((int) interval));
          assertThat(engine.kill()).isEqualTo(EngineProcess.SIGKILL_EXIT_CODE);
          kills++;
        } finally {
          running.set(false);
          creator.join();
        }
      }
    }

    // then: a last engine lets every committed instance complete
    Set<Long> committed = completeEverything(processId, type);
    long seconds = (System.nanoTime() - started) / 1_000_000_000;
    try (RecordLogReader log = RecordLogReader.open(dataDirectory)) {
      Set<Long> lost = new HashSet<>(acknowledgedCreations);
      lost.removeAll(committed);
      Set<Long> lostCompletions = new HashSet<>(acknowledgedCompletions);
      lostCompletions.removeAll(log.eventKeys("JOB", "COMPLETED"));
      List<Long> completedTwice = log.elementInstancesCompletedMoreThanOnce();
      List<Long> jobsCompletedTwice = log.jobsCompletedMoreThanOnce();
      List<Long> completed = log.completedProcessInstanceKeys(processId);
      System.out.printf("[kill-loop] %d s, %d kills: %d creates sent, %d acknowledged, %d refused or cut off, %d committed,"
          + " %d completed; %d completions acknowledged; lost %d creations and %d completions; %d element instances and"
          + " %d jobs completed twice; positions dense: %s%n", seconds, kills, createsSent.get(),
          acknowledgedCreations.size(), createsRefused.get(), committed.size(), completed.size(),
          acknowledgedCompletions.size(), lost.size(), lostCompletions.size(), completedTwice.size(),
          jobsCompletedTwice.size(), log.positionsAreDense());
      assertThat(kills).isGreaterThanOrEqualTo(1);
      assertThat(acknowledgedCreations).as("instances acknowledged to the client").isNotEmpty();
      assertThat(lost).as("acknowledged creations missing from the log").isEmpty();
      assertThat(lostCompletions).as("acknowledged job completions missing from the log").isEmpty();
      assertThat(completedTwice).as("element instances completed twice").isEmpty();
      assertThat(jobsCompletedTwice).as("jobs completed twice").isEmpty();
      assertThat(completed).doesNotHaveDuplicates();
      assertThat(new HashSet<>(completed)).as("every committed instance completed").isEqualTo(committed);
      assertThat(log.positionsAreDense()).isTrue();
    }
  }

  /** Starts the last engine, completes every job, waits until the log shows every instance completed. */
  private Set<Long> completeEverything(String processId, String type) throws InterruptedException {
    try (EngineProcess engine = EngineProcess.start(dataDirectory); RecordLogReader log = RecordLogReader.open(dataDirectory)) {
      Set<Long> committed = new HashSet<>(log.activatedProcessInstanceKeys(processId));
      try (CamundaClient client = newClient(engine.restAddress()); JobWorker worker = openWorker(client, type)) {
        TestEngine.await("all " + committed.size() + " committed instances completed", FINAL_WAIT,
            () -> log.completedProcessInstanceKeys(processId).size() >= committed.size());
        // stop the engine before the client: the worker's open long poll would hold the client's close
        engine.close();
      }
      return committed;
    }
  }

  /** Keeps up to {@value #IN_FLIGHT_CREATES} creations in flight until told to stop or the engine dies. */
  private void create(CamundaClient client, String processId, AtomicBoolean running) {
    Semaphore inFlight = new Semaphore(IN_FLIGHT_CREATES);
    while (running.get()) {
      try {
        if (!inFlight.tryAcquire(100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
          continue;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      createsSent.incrementAndGet();
      client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().variables(Map.of("n", createsSent.get()))
          .send().toCompletableFuture().whenComplete((event, failure) -> {
            if (failure == null) {
              acknowledgedCreations.add(event.getProcessInstanceKey());
            } else {
              createsRefused.incrementAndGet();
            }
            inFlight.release();
          });
    }
    // wait for the answers (or failures) of what is still in flight, so none is counted after the kill
    inFlight.acquireUninterruptibly(IN_FLIGHT_CREATES);
  }

  private JobWorker openWorker(CamundaClient client, String type) {
    return client.newWorker().jobType(type)
        .handler((jobClient, job) -> {
          try {
            jobClient.newCompleteCommand(job.getKey()).variables(Map.of("done", true)).send().join();
            acknowledgedCompletions.add(job.getKey());
          } catch (RuntimeException engineGone) {
            // killed: the job times out and the next engine offers it again
          }
        })
        .maxJobsActive(32)
        .timeout(Duration.ofSeconds(2))
        .pollInterval(Duration.ofMillis(50))
        .open();
  }

  private static CamundaClient newClient(URI restAddress) {
    return CamundaClient.newClientBuilder().restAddress(restAddress).grpcAddress(restAddress).preferRestOverGrpc(true)
        .numJobWorkerExecutionThreads(8).build();
  }
}
