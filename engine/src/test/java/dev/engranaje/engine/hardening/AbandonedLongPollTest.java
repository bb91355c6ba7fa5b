package dev.engranaje.engine.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.engine.api.rest.ServerLimits;
import dev.engranaje.engine.gateway.ActivateJobs;
import dev.engranaje.engine.gateway.ActivatedJob;
import dev.engranaje.engine.gateway.EngineGateway;
import dev.engranaje.engine.record.JobIntent;
import dev.engranaje.engine.record.ValueType;
import dev.engranaje.engine.testkit.TestEngine;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A worker's client that opens a long poll and goes away must not keep anything: the parked poll is
 * dropped at once (no job is activated into it, no descriptor stays open), and jobs already
 * activated for it are handed back (Job YIELDED) rather than stranded until their timeout. The
 * engine's clock never moves here, so a job timeout can never be what frees a job.
 */
class AbandonedLongPollTest {

  private static final String POLL_BODY =
      "{\"type\":\"%s\",\"maxJobsToActivate\":5,\"timeout\":300000,\"requestTimeout\":60000,\"worker\":\"gone\"}";

  private final ServerUnderAttack target = new ServerUnderAttack(ServerLimits.DEFAULTS);

  @AfterEach
  void stop() {
    target.close();
  }

  @Test
  void shouldGiveJobToNextWorkerAtOnceWhenLongPollingClientDisconnected() throws Exception {
    // given a process whose job does not exist yet, and a client parked on its type
    String processId = TestEngine.uniqueProcessId();
    String type = processId + "-work";
    target.client.newDeployResourceCommand().addProcessModel(TestEngine.serviceTaskProcess(processId, type), "p.bpmn")
        .send().join();
    CompletableFuture<?> poll = abandonPoll(type);

    // when a job is created after the client went away
    long instance = target.client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().send().join()
        .getProcessInstanceKey();

    // then a normal worker gets it immediately, and no job was ever activated into the abandoned poll
    assertThat(poll).isCancelled();
    List<io.camunda.client.api.response.ActivatedJob> jobs = target.client.newActivateJobsCommand().jobType(type)
        .maxJobsToActivate(5).requestTimeout(Duration.ofSeconds(10)).send().join().getJobs();
    assertThat(jobs).hasSize(1);
    assertThat(jobs.get(0).getWorker()).isEqualTo("default");
    assertThat(target.engine.matching(r -> r.valueType() == ValueType.JOB_BATCH)).hasSize(1);
    target.client.newCompleteCommand(jobs.get(0).getKey()).send().join();
    target.engine.awaitCompleted(instance);
    target.servesNormalInstance();
  }

  @Test
  void shouldNotKeepFileDescriptorsWhenManyLongPollsAreAbandoned() throws Exception {
    // given the descriptors open once the server has served one abandoned poll
    abandonPoll("warm-up");
    long before = ServerUnderAttack.openFileDescriptors();
    org.junit.jupiter.api.Assumptions.assumeTrue(before > 0, "needs /proc/self/fd");

    // when 200 more clients open a long poll and go away (in batches of 50 open at once)
    for (int batch = 0; batch < 4; batch++) {
      int seen = target.activations.size();
      List<Socket> sockets = new java.util.ArrayList<>();
      for (int i = 0; i < 50; i++) {
        Socket socket = target.connect();
        String body = String.format(POLL_BODY, "abandoned-" + (i % 7));
        ServerUnderAttack.send(socket, ServerUnderAttack.post("/v2/jobs/activation", "application/json", body.length())
            + body);
        sockets.add(socket);
      }
      TestEngine.await("the long polls reached the engine", () -> target.activations.size() >= seen + 50);
      for (Socket socket : sockets) {
        socket.close();
      }
      TestEngine.await("the server noticed the clients went away",
          () -> target.activations.stream().allMatch(CompletableFuture::isCancelled));
    }

    // then every one was released, and the descriptors are back to where they were
    assertThat(target.activations).allMatch(CompletableFuture::isCancelled);
    TestEngine.await("the server closed the abandoned connections",
        () -> ServerUnderAttack.openFileDescriptors() <= before + 5);
    target.servesNormalInstance();
  }

  @Test
  void shouldMakeJobsActivatableAtOnceWhenTheyAreHandedBack() {
    // given a job activated for a worker that will never report back
    String processId = TestEngine.uniqueProcessId();
    String type = processId + "-work";
    target.engine.deploy(TestEngine.serviceTaskProcess(processId, type));
    target.engine.createInstance(processId, Map.of());
    EngineGateway gateway = target.engine.engine().gateway();
    List<ActivatedJob> activated = gateway.activateJobs(new ActivateJobs(type, "gone", 300_000, 1, List.of(), 0,
        List.of("<default>"))).join();
    assertThat(activated).hasSize(1);

    // when it is handed back (what the server does when the answer cannot be written)
    gateway.yieldJobs(activated).join();

    // then it is activatable at once, and the log says why
    assertThat(target.engine.activateJobs(type, 1)).extracting(j -> j.getKey()).containsExactly(activated.get(0).key());
    assertThat(target.engine.matching(r -> r.valueType() == ValueType.JOB && r.intent() == JobIntent.YIELDED))
        .hasSize(1);
  }

  @Test
  void shouldNotHandBackJobThatWasActivatedAgainSince() {
    // given a job handed to a first worker, and after its timeout to a second one
    String processId = TestEngine.uniqueProcessId();
    String type = processId + "-work";
    target.engine.deploy(TestEngine.serviceTaskProcess(processId, type));
    target.engine.createInstance(processId, Map.of());
    EngineGateway gateway = target.engine.engine().gateway();
    ActivateJobs request = new ActivateJobs(type, "first", 1_000, 1, List.of(), 0, List.of("<default>"));
    List<ActivatedJob> first = gateway.activateJobs(request).join();
    target.engine.clock().advance(Duration.ofSeconds(2));
    TestEngine.await("the job timed out", () -> !target.engine.matching(
        r -> r.valueType() == ValueType.JOB && r.intent() == JobIntent.TIMED_OUT).isEmpty());
    List<ActivatedJob> second = target.engine.engine().gateway()
        .activateJobs(new ActivateJobs(type, "second", 300_000, 1, List.of(), 0, List.of("<default>"))).join();
    assertThat(second).hasSize(1);

    // when the first worker's late hand-back arrives
    gateway.yieldJobs(first).join();

    // then the second worker keeps the job
    assertThat(target.engine.pollJobs(type, Duration.ofMillis(100))).isEmpty();
    assertThat(target.engine.matching(r -> r.valueType() == ValueType.JOB && r.intent() == JobIntent.YIELDED))
        .isEmpty();
  }

  /** Opens a long poll on a raw connection, waits until it reached the engine, then disconnects. */
  private CompletableFuture<?> abandonPoll(String type) throws Exception {
    int seen = target.activations.size();
    String body = String.format(POLL_BODY, type);
    try (Socket socket = target.connect()) {
      ServerUnderAttack.send(socket, ServerUnderAttack.post("/v2/jobs/activation", "application/json", body.length()) + body);
      TestEngine.await("the long poll reached the engine", () -> target.activations.size() > seen);
    }
    CompletableFuture<?> poll = target.activations.get(seen);
    TestEngine.await("the server noticed the client went away", poll::isCancelled);
    return poll;
  }
}
