package dev.engranaje.workers.files;

import static dev.engranaje.test.ProcessAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.test.ProcessInstance;
import dev.engranaje.test.ProcessTest;
import dev.engranaje.test.ProcessTestEngine;
import dev.engranaje.workers.ledger.SqliteIdempotencyLedger;
import dev.engranaje.workers.runtime.WorkerRuntime;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file workers, through the WorkerRuntime, answering their jobs in a process test. */
@ProcessTest
class FileWorkersEndToEndTest {
  @TempDir Path directory;
  ProcessTestEngine engine;
  private SqliteIdempotencyLedger ledger;
  private WorkerRuntime runtime;
  private Path inbox;

  @BeforeEach
  void start() throws Exception {
    ledger = SqliteIdempotencyLedger.open(directory.resolve("ledger.db"), Clock.systemUTC());
    inbox = Files.createDirectories(directory.resolve("inbox"));
    runtime = WorkerRuntime.builder(engine.client()).ledger(ledger).workspaceRoot(directory.resolve("ws")).area("inbox", inbox)
        .worker(new ExtractZipWorker()).worker(new ListFilesWorker()).build();
    for (String type : List.of("rpa:files.unzip:1", "rpa:files.list:1")) {
      engine.worker(type, runtime.handler(type));
    }
  }

  @AfterEach
  void stop() {
    runtime.close();
    ledger.close();
  }

  @Test
  void shouldRouteAHostileArchiveToTheErrorBoundaryWhenUnzipping() throws Exception {
    FilesFixture.zip(inbox.resolve("delivery.zip"), Map.of("../../../outside.txt", "x".getBytes(StandardCharsets.UTF_8)));
    String processId = ProcessTestEngine.uniqueId("unzip");
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("unzip", t -> t.zeebeJobType("rpa:files.unzip:1"))
        .boundaryEvent("unsafe", b -> b.error("UNSAFE_ARCHIVE")).endEvent("quarantined")
        .moveToActivity("unzip").endEvent("unpacked").done());

    ProcessInstance instance = engine.startInstance(processId, Map.of("archive", "inbox:delivery.zip", "directory", "delivery"));

    assertThat(instance).isCompleted().hasPassedElementsInOrder("unsafe", "quarantined").hasNotPassedElements("unpacked");
    assertThat(directory.resolve("outside.txt")).doesNotExist();
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldWriteTheListingAsVariablesWhenListingAnArea() throws Exception {
    Files.writeString(inbox.resolve("camt-1.xml"), "<Document/>");
    Files.writeString(inbox.resolve("notes.txt"), "n");
    String processId = ProcessTestEngine.uniqueId("list");
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("list", t -> t.zeebeJobType("rpa:files.list:1")).endEvent().done());

    ProcessInstance instance = engine.startInstance(processId, Map.of("directory", "inbox:", "glob", "*.xml"));

    assertThat(instance).isCompleted().hasVariable("count", 1).hasVariable("truncated", false);
    Map<String, Object> file = ((List<Map<String, Object>>) assertThat(instance).variables().get("files")).get(0);
    assertThat(file).containsEntry("path", "inbox:camt-1.xml").containsEntry("size", 11).containsKey("modified");
  }
}
