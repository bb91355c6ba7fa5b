package dev.engranaje.workers.runtime;

import static dev.engranaje.test.ProcessAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.test.JobMock;
import dev.engranaje.test.ProcessInstance;
import dev.engranaje.test.ProcessTest;
import dev.engranaje.test.ProcessTestEngine;
import dev.engranaje.workers.files.ComputeChecksumWorker;
import dev.engranaje.workers.ledger.SqliteIdempotencyLedger;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One of the project's real workers answering its job type in a process test, the others mocked. */
@ProcessTest
class RealWorkerInProcessTest {
  @TempDir Path directory;

  @Test
  void projectWorkerRunsItsJobsThroughTheWorkerRuntime(ProcessTestEngine engine) throws Exception {
    Path inbox = Files.createDirectories(directory.resolve("inbox"));
    Files.writeString(inbox.resolve("statement.csv"), "date;amount\n2026-11-30;12.50\n", StandardCharsets.UTF_8);
    try (SqliteIdempotencyLedger ledger = SqliteIdempotencyLedger.open(directory.resolve("ledger.db"), Clock.systemUTC());
        WorkerRuntime runtime = WorkerRuntime.builder(engine.client()).ledger(ledger)
            .workspaceRoot(directory.resolve("workspace")).area("inbox", inbox)
            .worker(new ComputeChecksumWorker()).build()) {
      String processId = ProcessTestEngine.uniqueId("checksum");
      engine.deploy(Bpmn.createExecutableProcess(processId).startEvent()
          .serviceTask("checksum", t -> t.zeebeJobType("rpa:files.checksum:1").zeebeInput("=file", "path")
              .zeebeOutput("=checksum", "digest"))
          .serviceTask("archive", t -> t.zeebeJobType("rpa:files.move:1")).endEvent("done").done());
      engine.worker("rpa:files.checksum:1", runtime.handler("rpa:files.checksum:1"));
      JobMock archive = engine.mock("rpa:files.move:1").thenComplete();

      ProcessInstance instance = engine.startInstance(processId, Map.of("file", "inbox:statement.csv"));

      assertThat(instance).isCompleted().hasPassedElementsInOrder("checksum", "archive", "done")
          .hasVariable("digest", sha256("date;amount\n2026-11-30;12.50\n"));
      assertThat(archive.callCount()).isEqualTo(1);
    }
  }

  private static String sha256(String text) throws Exception {
    return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
        .digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
