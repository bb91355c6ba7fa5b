package dev.engranaje.engine.durability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.engine.Engine;
import dev.engranaje.engine.EngineOptions;
import dev.engranaje.engine.gateway.ActivateJobs;
import dev.engranaje.engine.gateway.CreateProcessInstance;
import dev.engranaje.engine.gateway.DeploymentResource;
import dev.engranaje.engine.gateway.EngineGateway;
import dev.engranaje.engine.testkit.TestEngine;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures how long a durable engine takes to start when 10,000 instances wait at a service task.
 * Prints the figures; asserts only that recovery rebuilt the waiting jobs (timing varies by machine).
 */
class RecoveryTimeTest {
  private static final int INSTANCES = 10_000;

  @TempDir
  Path dataDirectory;

  @Test
  void shouldRecoverEveryWaitingJobWhenRestartedWithTenThousandActiveInstances() {
    // given
    String processId = TestEngine.uniqueProcessId();
    String type = processId + "-work";
    EngineOptions options = EngineOptions.builder().dataDirectory(dataDirectory).restEnabled(false).durableCommits(true).build();
    try (Engine engine = Engine.start(options)) {
      EngineGateway gateway = engine.gateway();
      String xml = Bpmn.convertToString(TestEngine.serviceTaskProcess(processId, type));
      gateway.deploy(List.of(new DeploymentResource("process.bpmn", xml.getBytes(StandardCharsets.UTF_8))), null).join();
      long started = System.nanoTime();
      List<CompletableFuture<?>> created = new ArrayList<>(INSTANCES);
      for (int i = 0; i < INSTANCES; i++) {
        created.add(gateway.createProcessInstance(new CreateProcessInstance(processId, null, null, "{\"n\":" + i + "}",
            List.of(), false, 0, List.of(), null)));
      }
      created.forEach(CompletableFuture::join);
      System.out.printf("[durability] created %d instances in-process (fsync on) in %d ms%n", INSTANCES,
          (System.nanoTime() - started) / 1_000_000);
    }

    // when
    long started = System.nanoTime();
    try (Engine engine = Engine.start(options)) {
      long startMillis = (System.nanoTime() - started) / 1_000_000;
      Engine.RecoveryReport recovery = engine.recovery();
      System.out.printf("[durability] recovery with %d active instances: Engine.start took %d ms, replayed %d records"
          + " in %d ms, %d active element instances%n", INSTANCES, startMillis, recovery.records(),
          recovery.took().toMillis(), recovery.activeElementInstances());

      // then
      assertThat(recovery.activeElementInstances()).as("process and service task of each instance").isEqualTo(2L * INSTANCES);
      var jobs = engine.gateway().activateJobs(new ActivateJobs(type, "probe", 60_000, INSTANCES + 1, List.of(), 0, null))
          .join();
      assertThat(jobs).hasSize(INSTANCES);
    }
  }
}
