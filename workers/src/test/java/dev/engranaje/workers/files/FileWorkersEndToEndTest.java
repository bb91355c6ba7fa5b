package dev.engranaje.workers.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.engine.record.ProcessInstanceIntent;
import dev.engranaje.engine.testkit.TestEngine;
import dev.engranaje.workers.ledger.SqliteIdempotencyLedger;
import dev.engranaje.workers.runtime.WorkerRuntime;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileWorkersEndToEndTest {
  @TempDir Path directory;
  private TestEngine engine;
  private SqliteIdempotencyLedger ledger;
  private WorkerRuntime runtime;
  private Path inbox;

  @BeforeEach
  void start() throws Exception {
    engine = TestEngine.inMemory();
    ledger = SqliteIdempotencyLedger.open(directory.resolve("ledger.db"), Clock.systemUTC());
    inbox = Files.createDirectories(directory.resolve("inbox"));
    runtime = WorkerRuntime.builder(engine.client()).ledger(ledger).workspaceRoot(directory.resolve("ws")).area("inbox", inbox)
        .worker(new ExtractZipWorker()).worker(new ListFilesWorker()).build().start();
  }

  @AfterEach
  void stop() {
    runtime.close();
    ledger.close();
    engine.close();
  }

  @Test
  void shouldRouteAHostileArchiveToTheErrorBoundaryWhenUnzipping() throws Exception {
    FilesFixture.zip(inbox.resolve("delivery.zip"), Map.of("../../../outside.txt", "x".getBytes(StandardCharsets.UTF_8)));
    String processId = TestEngine.uniqueProcessId();
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("unzip", t -> t.zeebeJobType("rpa:files.unzip:1"))
        .boundaryEvent("unsafe", b -> b.error("UNSAFE_ARCHIVE")).endEvent("quarantined")
        .moveToActivity("unzip").endEvent("unpacked").done());

    long instance = engine.createInstance(processId, Map.of("archive", "inbox:delivery.zip", "directory", "delivery"));

    engine.awaitCompleted(instance);
    assertThat(engine.hasElementEvent(instance, "quarantined", ProcessInstanceIntent.ELEMENT_COMPLETED)).isTrue();
    assertThat(directory.resolve("outside.txt")).doesNotExist();
  }

  @Test
  void shouldWriteTheListingAsVariablesWhenListingAnArea() throws Exception {
    Files.writeString(inbox.resolve("camt-1.xml"), "<Document/>");
    Files.writeString(inbox.resolve("notes.txt"), "n");
    String processId = TestEngine.uniqueProcessId();
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("list", t -> t.zeebeJobType("rpa:files.list:1"))
        .serviceTask("inspect", t -> t.zeebeJobType("test:inspect")).endEvent().done());

    engine.createInstance(processId, Map.of("directory", "inbox:", "glob", "*.xml"));

    List<ActivatedJob> jobs = new ArrayList<>();
    TestEngine.await("the inspect task is reached", () -> jobs.addAll(engine.pollJobs("test:inspect", Duration.ofSeconds(1))));
    Map<String, Object> variables = jobs.get(0).getVariablesAsMap();
    assertThat(variables).containsEntry("count", 1).containsEntry("truncated", false);
    @SuppressWarnings("unchecked")
    Map<String, Object> file = ((List<Map<String, Object>>) variables.get("files")).get(0);
    assertThat(file).containsEntry("path", "inbox:camt-1.xml").containsEntry("size", 11).containsKey("modified");
  }
}
