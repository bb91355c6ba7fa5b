package dev.engranaje.engine.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.engine.Engine;
import dev.engranaje.engine.EngineOptions;
import dev.engranaje.engine.processing.ProcessingObserver;
import dev.engranaje.engine.storage.RecordLog;
import dev.engranaje.engine.storage.SqliteRecordLog;
import dev.engranaje.engine.testkit.TestEngine;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.ProcessInstanceEvent;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk (Must show 3 of the hardening issue): writes answer 507 with a message that says what
 * to do, {@code /health} readiness is false meanwhile, nothing acknowledged is lost, and the engine
 * resumes by itself once space returns.
 *
 * <p>The full disk is SQLite's own: {@code PRAGMA max_page_count} caps the database, and SQLite then
 * refuses to grow it with SQLITE_FULL, the same error code a full file system gives; raising the cap
 * again is space returning. A real small file system would need a root mount the CI may not allow.
 */
class StorageFullTest {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir Path data;

  @Test
  void shouldAnswer507AndResumeByItselfWhenTheDiskIsFullThenFreed() throws Exception {
    // given: a durable engine whose record log the test can cap
    AtomicReference<RecordLog> opened = new AtomicReference<>();
    ProcessingObserver capture = new ProcessingObserver() {
      @Override
      public void logOpened(RecordLog log) {
        opened.set(log);
      }
    };
    Engine engine = Engine.start(EngineOptions.builder().dataDirectory(data).port(0).observer(capture).build());
    try (CamundaClient client = TestEngine.newClient(engine.restAddress())) {
      String processId = TestEngine.uniqueProcessId();
      client.newDeployResourceCommand()
          .addProcessModel(TestEngine.serviceTaskProcess(processId, "work"), "work.bpmn").send().join();
      List<Long> acknowledged = new ArrayList<>();
      acknowledged.add(create(client, processId, "before").getProcessInstanceKey());
      SqliteRecordLog log = (SqliteRecordLog) opened.get();

      // when: the disk fills up
      log.maxPageCount(log.pageCount() + 2);
      ProblemException refused = null;
      for (int i = 0; i < 200 && refused == null; i++) {
        try {
          acknowledged.add(create(client, processId, "filler-" + i).getProcessInstanceKey());
        } catch (CompletionException | ProblemException e) {
          refused = (ProblemException) (e instanceof ProblemException ? e : e.getCause());
        }
      }

      // then: 507, saying what to do; not ready meanwhile
      assertThat(refused).as("a write was refused once the database could not grow").isNotNull();
      assertThat(refused.code()).isEqualTo(507);
      assertThat(refused.details().getDetail()).containsIgnoringCase("disk");
      assertThat(engine.health().ready()).isFalse();
      HttpResponse<String> health = QuarantineTest.health(engine.restAddress());
      assertThat(health.statusCode()).isEqualTo(503);
      assertThat(health.body()).contains("\"storage\":{\"status\":\"DOWN\"");

      // when: space returns
      log.maxPageCount(1_000_000_000L);
      TestEngine.await("the engine to be ready again", () -> engine.health().ready());

      // then: ready again by itself, everything acknowledged is there, and new work is served
      assertThat(engine.health().ready()).isTrue();
      for (long key : acknowledged) {
        assertThat(client.newProcessInstanceGetRequest(key).send().join().getProcessInstanceKey()).isEqualTo(key);
      }
      long after = create(client, processId, "after").getProcessInstanceKey();
      int completed = 0;
      Instant jobsDeadline = Instant.now().plus(WAIT);
      while (completed < acknowledged.size() + 1 && Instant.now().isBefore(jobsDeadline)) {
        for (ActivatedJob job : client.newActivateJobsCommand().jobType("work").maxJobsToActivate(100)
            .requestTimeout(Duration.ofSeconds(1)).send().join().getJobs()) {
          client.newCompleteCommand(job).send().join();
          completed++;
        }
      }
      assertThat(completed).isEqualTo(acknowledged.size() + 1);
      assertThat(client.newProcessInstanceGetRequest(after).send().join().getProcessInstanceKey()).isEqualTo(after);
    } finally {
      engine.close();
    }
  }

  private static ProcessInstanceEvent create(CamundaClient client, String processId, String name) {
    return client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion()
        .variables(Map.of("name", name, "padding", "x".repeat(64 * 1024))).send().join();
  }
}
