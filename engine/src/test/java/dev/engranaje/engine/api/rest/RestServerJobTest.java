package dev.engranaje.engine.api.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.engine.gateway.ActivateJobs;
import dev.engranaje.engine.gateway.ActivatedJob;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivateJobsResponse;
import io.camunda.client.api.worker.JobWorker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RestServerJobTest {

  private static final long JOB_KEY = 2251799813685300L;

  private final FakeGateway gateway = new FakeGateway();
  private RestServer server;
  private CamundaClient client;

  @BeforeEach
  void start() {
    server = RestServer.start(gateway, "127.0.0.1", 0);
    client = RestServerCommandTest.newClient(server);
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  static ActivatedJob job(long key, String type) {
    return new ActivatedJob(
        key,
        type,
        2251799813685251L,
        "order",
        1,
        2251799813685250L,
        "charge",
        2251799813685299L,
        Map.of("channel", "email"),
        "robot-1",
        3,
        1_900_000_000_000L,
        "{\"amount\":12.5,\"items\":[1,2]}",
        "<default>");
  }

  @Test
  void shouldReturnJobsWithAllFieldsWhenJobsAreActivated() throws Exception {
    // given
    gateway.activation = command -> CompletableFuture.completedFuture(List.of(job(JOB_KEY, "charge")));

    // when
    ActivateJobsResponse response =
        client
            .newActivateJobsCommand()
            .jobType("charge")
            .maxJobsToActivate(5)
            .workerName("robot-1")
            .timeout(Duration.ofSeconds(30))
            .fetchVariables("amount", "items")
            .requestTimeout(Duration.ofSeconds(2))
            .send()
            .join();

    // then
    ActivateJobs command = (ActivateJobs) gateway.nextCall().arg(0);
    assertThat(command)
        .isEqualTo(
            new ActivateJobs(
                "charge", "robot-1", 30_000, 5, List.of("amount", "items"), 2_000, List.of("<default>")));
    assertThat(response.getJobs()).singleElement()
        .satisfies(
            job -> {
              assertThat(job.getKey()).isEqualTo(JOB_KEY);
              assertThat(job.getType()).isEqualTo("charge");
              assertThat(job.getProcessInstanceKey()).isEqualTo(2251799813685251L);
              assertThat(job.getBpmnProcessId()).isEqualTo("order");
              assertThat(job.getProcessDefinitionVersion()).isEqualTo(1);
              assertThat(job.getProcessDefinitionKey()).isEqualTo(2251799813685250L);
              assertThat(job.getElementId()).isEqualTo("charge");
              assertThat(job.getElementInstanceKey()).isEqualTo(2251799813685299L);
              assertThat(job.getCustomHeaders()).containsEntry("channel", "email");
              assertThat(job.getWorker()).isEqualTo("robot-1");
              assertThat(job.getRetries()).isEqualTo(3);
              assertThat(job.getDeadline()).isEqualTo(1_900_000_000_000L);
              assertThat(job.getVariablesAsMap()).containsEntry("amount", 12.5);
              assertThat(job.getTenantId()).isEqualTo("<default>");
            });
  }

  @Test
  void shouldDeliverJobWhenTheLongPollIsAnsweredLater() throws Exception {
    // given a gateway that parks the request and answers on another thread after a delay
    CompletableFuture<List<ActivatedJob>> parked = new CompletableFuture<>();
    gateway.activation = command -> parked;
    CompletableFuture.delayedExecutor(500, TimeUnit.MILLISECONDS)
        .execute(() -> parked.complete(List.of(job(JOB_KEY, "charge"))));

    // when
    ActivateJobsResponse response =
        client
            .newActivateJobsCommand()
            .jobType("charge")
            .maxJobsToActivate(1)
            .requestTimeout(Duration.ofSeconds(5))
            .send()
            .join();

    // then
    assertThat(((ActivateJobs) gateway.nextCall().arg(0)).requestTimeoutMillis()).isEqualTo(5_000);
    assertThat(response.getJobs()).extracting(j -> j.getKey()).containsExactly(JOB_KEY);
  }

  @Test
  void shouldServeOtherRequestsWhileManyLongPollsAreParked() throws Exception {
    // given more parked polls than the server has threads
    CompletableFuture<List<ActivatedJob>> parked = new CompletableFuture<>();
    gateway.activation = command -> parked;
    List<CompletableFuture<ActivateJobsResponse>> polls =
        java.util.stream.IntStream.range(0, 20)
            .mapToObj(
                i ->
                    client
                        .newActivateJobsCommand()
                        .jobType("charge")
                        .maxJobsToActivate(1)
                        .requestTimeout(Duration.ofSeconds(10))
                        .send()
                        .toCompletableFuture())
            .toList();
    for (int i = 0; i < polls.size(); i++) {
      gateway.nextCall("activateJobs");
    }

    // when
    var topology = client.newTopologyRequest().send().join(5, TimeUnit.SECONDS);

    // then
    assertThat(topology.getClusterSize()).isEqualTo(1);
    parked.complete(List.of());
    CompletableFuture.allOf(polls.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
  }

  @Test
  void shouldCompleteJobWhenAWorkerHandlesIt() throws Exception {
    // given one job for the first poll, none afterwards
    AtomicBoolean handedOut = new AtomicBoolean();
    gateway.activation =
        command ->
            CompletableFuture.completedFuture(
                handedOut.compareAndSet(false, true) ? List.of(job(JOB_KEY, "charge")) : List.of());

    // when
    try (JobWorker worker =
        client
            .newWorker()
            .jobType("charge")
            .handler(
                (jobClient, job) ->
                    jobClient
                        .newCompleteCommand(job)
                        .variables(Map.of("charged", job.getVariablesAsMap().get("amount")))
                        .send()
                        .join())
            .requestTimeout(Duration.ofSeconds(1))
            .pollInterval(Duration.ofMillis(50))
            .open()) {

      // then
      FakeGateway.Call completion = gateway.nextCall("completeJob");
      assertThat(completion.args()).containsExactly(JOB_KEY, "{\"charged\":12.5}");
      assertThat(worker.isOpen()).isTrue();
    }
  }

  @Test
  void shouldUseServerDefaultLongPollWhenRequestTimeoutIsZero() {
    assertThat(JobRoutes.longPoll(null)).isEqualTo(10_000);
    assertThat(JobRoutes.longPoll(0L)).isEqualTo(10_000);
    assertThat(JobRoutes.longPoll(-1L)).isZero();
    assertThat(JobRoutes.longPoll(2_500L)).isEqualTo(2_500);
  }

  @Test
  void shouldFailJobWithRetriesAndBackoffWhenFailIsSent() throws Exception {
    // when
    client
        .newFailCommand(JOB_KEY)
        .retries(2)
        .retryBackoff(Duration.ofSeconds(3))
        .errorMessage("printer on fire")
        .variables(Map.of("attempt", 1))
        .send()
        .join();

    // then
    FakeGateway.Call call = gateway.nextCall();
    assertThat(call.method()).isEqualTo("failJob");
    assertThat(call.args()).containsExactly(JOB_KEY, 2, "printer on fire", 3_000L, "{\"attempt\":1}");
  }

  @Test
  void shouldThrowBpmnErrorWhenThrowErrorIsSent() throws Exception {
    // when
    client
        .newThrowErrorCommand(JOB_KEY)
        .errorCode("NO_STOCK")
        .errorMessage("out of stock")
        .variables(Map.of("sku", "A-1"))
        .send()
        .join();

    // then
    FakeGateway.Call call = gateway.nextCall();
    assertThat(call.method()).isEqualTo("throwJobError");
    assertThat(call.args()).containsExactly(JOB_KEY, "NO_STOCK", "out of stock", "{\"sku\":\"A-1\"}");
  }

  @Test
  void shouldUpdateOnlyRetriesWhenUpdateRetriesIsSent() throws Exception {
    // when
    client.newUpdateRetriesCommand(JOB_KEY).retries(5).send().join();

    // then
    FakeGateway.Call call = gateway.nextCall();
    assertThat(call.method()).isEqualTo("updateJob");
    assertThat(call.args()).containsExactly(JOB_KEY, 5, null);
  }

  @Test
  void shouldUpdateOnlyTimeoutWhenUpdateTimeoutIsSent() throws Exception {
    // when
    client.newUpdateTimeoutCommand(JOB_KEY).timeout(Duration.ofMinutes(1)).send().join();

    // then
    FakeGateway.Call call = gateway.nextCall();
    assertThat(call.args()).containsExactly(JOB_KEY, null, 60_000L);
  }
}
