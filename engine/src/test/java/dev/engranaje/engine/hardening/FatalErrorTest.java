package dev.engranaje.engine.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engranaje.engine.Engine;
import dev.engranaje.engine.EngineOptions;
import dev.engranaje.engine.gateway.EngineHealth;
import dev.engranaje.engine.processing.CommandProcessor;
import dev.engranaje.engine.processing.FatalFailure;
import dev.engranaje.engine.processing.ProcessingObserver;
import dev.engranaje.engine.testkit.TestEngine;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Any {@link Throwable} on the processor or the log writer stops the engine cleanly: readiness goes
 * down, {@code /health} answers 503, the topology says DEAD, every command answers 503 at once
 * (never hangs), {@link Engine#failure()} says what failed on which work, and {@link Engine#close()}
 * still works. An ordinary {@link RuntimeException} in one command answers 500 for that command only.
 * The faults are injected with a test-only {@link ProcessingObserver} and exporter.
 */
class FatalErrorTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  void shouldStopAndAnswer503WhenTheProcessorThrowsAnError() throws Exception {
    // given: firing any timer of a "poison-" process overflows the stack
    ProcessingObserver poison = new ProcessingObserver() {
      @Override
      public void beforeWork(String workId, String description) {
        if (description.contains("process '" + PoisonEngineMain.POISON_PREFIX)) {
          throw new StackOverflowError("test fault");
        }
      }
    };
    Engine engine = Engine.start(EngineOptions.builder().inMemory().port(0).observer(poison).build());
    try (CamundaClient client = TestEngine.newClient(engine.restAddress())) {
      String poisonId = PoisonEngineMain.POISON_PREFIX + TestEngine.uniqueProcessId();
      String processId = TestEngine.uniqueProcessId();
      client.newDeployResourceCommand()
          .addProcessModel(TestEngine.serviceTaskProcess(processId, "work"), "normal.bpmn")
          .send().join();
      assertThat(engine.health().ready()).isTrue();

      // when
      client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess(poisonId)
          .startEvent("soon").timerWithCycle("R/PT0.1S").endEvent().done(), "poison.bpmn").send().join();
      FatalFailure failure = engine.failure().get(WAIT.toSeconds(), TimeUnit.SECONDS);

      // then
      assertThat(failure.thread()).isEqualTo(CommandProcessor.PROCESSOR);
      assertThat(failure.error()).isInstanceOf(StackOverflowError.class);
      assertThat(failure.message()).contains("of process '" + poisonId + "' (element 'soon')",
          "java.lang.StackOverflowError", "stopped accepting commands", "restart it");
      EngineHealth health = engine.health();
      assertThat(health.ready()).isFalse();
      assertThat(health.processor().status()).isEqualTo(EngineHealth.Status.DOWN);
      HttpResponse<String> response = QuarantineTest.health(engine.restAddress());
      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(response.body()).contains("\"status\":\"DOWN\"", "\"processor\":{\"status\":\"DOWN\"",
          "\"logWriter\":{\"status\":\"UP\"}", "\"storage\":{\"status\":\"UP\"}");
      assertThat(client.newTopologyRequest().send().join().getBrokers().get(0).getPartitions().get(0).getHealth())
          .hasToString("DEAD");
      assertThatThrownBy(() -> client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().send()
          .get(WAIT.toSeconds(), TimeUnit.SECONDS))
          .hasCauseInstanceOf(ProblemException.class)
          .satisfies(e -> assertThat(((ProblemException) e.getCause()).code()).isEqualTo(503))
          .hasMessageContaining("Expected a running engine, but it stopped");
    } finally {
      engine.close();
    }
    assertThat(engine.health().ready()).isFalse();
  }

  @Test
  void shouldStopAndAnswer503WhenTheLogWriterThrowsAnError() throws Exception {
    // given: an exporter (it runs on the log writer thread) runs out of memory once armed
    AtomicBoolean armed = new AtomicBoolean();
    Engine engine = Engine.start(EngineOptions.inMemoryForTests());
    engine.addExporter(records -> {
      if (armed.get()) {
        throw new OutOfMemoryError("test fault");
      }
    });
    try (CamundaClient client = TestEngine.newClient(engine.restAddress())) {
      String processId = TestEngine.uniqueProcessId();
      client.newDeployResourceCommand().addProcessModel(TestEngine.serviceTaskProcess(processId, "work"), "p.bpmn")
          .send().join();

      // when
      armed.set(true);
      assertThatThrownBy(() -> client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().send()
          .get(WAIT.toSeconds(), TimeUnit.SECONDS))
          .hasCauseInstanceOf(ProblemException.class)
          .satisfies(e -> assertThat(((ProblemException) e.getCause()).code()).isEqualTo(503));
      FatalFailure failure = engine.failure().get(WAIT.toSeconds(), TimeUnit.SECONDS);

      // then
      assertThat(failure.thread()).isEqualTo(CommandProcessor.LOG_WRITER);
      assertThat(failure.error()).isInstanceOf(OutOfMemoryError.class);
      assertThat(engine.health().logWriter().status()).isEqualTo(EngineHealth.Status.DOWN);
      assertThat(QuarantineTest.health(engine.restAddress()).statusCode()).isEqualTo(503);
      assertThatThrownBy(() -> client.newPublishMessageCommand().messageName("m").correlationKey("k").send()
          .get(WAIT.toSeconds(), TimeUnit.SECONDS))
          .hasCauseInstanceOf(ProblemException.class)
          .satisfies(e -> assertThat(((ProblemException) e.getCause()).code()).isEqualTo(503));
    } finally {
      engine.close();
    }
  }

  @Test
  void shouldAnswer500ForThatCommandAndStayUpWhenItThrowsARuntimeException() {
    // given: the next request fails with a bug-like exception
    AtomicBoolean armed = new AtomicBoolean();
    ProcessingObserver bug = new ProcessingObserver() {
      @Override
      public void beforeWork(String workId, String description) {
        if (workId.equals("request") && armed.getAndSet(false)) {
          throw new IllegalStateException("test fault: a bug in one command");
        }
      }
    };
    Engine engine = Engine.start(EngineOptions.builder().inMemory().port(0).observer(bug).build());
    try (CamundaClient client = TestEngine.newClient(engine.restAddress())) {
      String processId = TestEngine.uniqueProcessId();
      client.newDeployResourceCommand().addProcessModel(TestEngine.serviceTaskProcess(processId, "work-" + processId),
          "p.bpmn").send().join();

      // when
      armed.set(true);
      assertThatThrownBy(() -> client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().send().join())
          .isInstanceOf(ProblemException.class)
          .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo(500));

      // then: the engine stays up and serves a normal instance
      assertThat(engine.health().ready()).isTrue();
      assertThat(engine.failure()).isNotDone();
      client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().variables(Map.of("x", 1)).send().join();
      ActivatedJob job = client.newActivateJobsCommand().jobType("work-" + processId).maxJobsToActivate(1)
          .requestTimeout(WAIT).send().join().getJobs().get(0);
      client.newCompleteCommand(job).send().join();
    } finally {
      engine.close();
    }
  }
}
