package dev.engranaje.cli;

import static dev.engranaje.cli.WorkerCommandTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.engine.Engine;
import dev.engranaje.engine.EngineOptions;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rpa worker} in its own JVM, stopped with SIGTERM while a job is in flight. */
class WorkerSignalTest {
  private static final String GATED = "cli-test:gated:1";

  @TempDir Path dir;
  private Engine engine;
  private CamundaClient client;
  private Process worker;

  @BeforeEach
  void startEngine() {
    engine = Engine.start(EngineOptions.builder().inMemory().port(0).build());
    client = CamundaClient.newClientBuilder().restAddress(engine.restAddress()).grpcAddress(engine.restAddress())
        .preferRestOverGrpc(true).build();
  }

  @AfterEach
  void stop() {
    if (worker != null && worker.isAlive()) {
      worker.destroyForcibly();
    }
    client.close();
    engine.close();
  }

  private Process startWorker(Path config, Path log) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Rpa.class.getName(),
        "worker", "--config", config.toString(), "--address", engine.restAddress().toString());
    builder.environment().put("RPA_LOG_LEVEL", "INFO");
    return builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  private String read(Path log) {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "";
    }
  }

  @Test
  void shouldFinishTheJobInFlightAndTakeNoNewOneWhenSigtermArrives() throws Exception {
    // given a worker process handling a slow job
    client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess("gated").startEvent()
        .serviceTask("gate", t -> t.zeebeJobType(GATED)).endEvent().done(), "gated.bpmn").send().join();
    Path config = Files.writeString(dir.resolve("worker.yaml"), "workspace: {root: work}\nledger: {file: ledger.db}\n"
        + "server: {port: 0}\nshutdown: {grace: 1m}\njobs: {\"" + GATED + "\": {}}\n");
    Path log = dir.resolve("worker.log");
    worker = startWorker(config, log);
    await("the worker serves", () -> read(log).contains("Serving job types"));
    CompletableFuture<ProcessInstanceResult> first = client.newCreateInstanceCommand().bpmnProcessId("gated").latestVersion()
        .variables(Map.of("dir", dir.toString())).withResult().requestTimeout(Duration.ofMinutes(2)).send().toCompletableFuture();
    await("the first job started", () -> listStarted().size() == 1);

    // when SIGTERM arrives, then a second instance, then the first job may finish
    worker.destroy();
    await("the worker stopped activating", () -> read(log).contains("Stopped activating jobs"));
    ProcessInstanceEvent second = client.newCreateInstanceCommand().bpmnProcessId("gated").latestVersion()
        .variables(Map.of("dir", dir.toString())).send().join();
    Files.writeString(dir.resolve("release"), "");

    // then the first job completed before the process exited, and the second was never started
    assertThat(worker.waitFor(1, TimeUnit.MINUTES)).as(read(log)).isTrue();
    ProcessInstanceResult completed = first.get(1, TimeUnit.MINUTES);
    assertThat(completed.getVariablesAsMap()).containsEntry("passed", true);
    assertThat(read(log)).contains("All running jobs finished");
    assertThat(listStarted()).containsExactly("started-" + completed.getProcessInstanceKey());
    List<ActivatedJob> waiting = client.newActivateJobsCommand().jobType(GATED).maxJobsToActivate(5)
        .timeout(Duration.ofMinutes(1)).requestTimeout(Duration.ofSeconds(5)).send().join().getJobs();
    assertThat(waiting).singleElement().satisfies(job -> {
      assertThat(job.getProcessInstanceKey()).isEqualTo(second.getProcessInstanceKey());
      assertThat(job.getRetries()).isEqualTo(3);
    });
  }

  private List<String> listStarted() {
    try (var files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("started-")).toList();
    } catch (IOException e) {
      return List.of();
    }
  }
}
