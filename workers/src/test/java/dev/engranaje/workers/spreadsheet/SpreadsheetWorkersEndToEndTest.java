package dev.engranaje.workers.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.engine.testkit.TestEngine;
import dev.engranaje.workers.ledger.SqliteIdempotencyLedger;
import dev.engranaje.workers.runtime.WorkerRuntime;
import dev.engranaje.workers.secrets.SecretSource;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
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

/** The spreadsheet workers served by the WorkerRuntime against the embedded engine. */
class SpreadsheetWorkersEndToEndTest {
  @TempDir Path dir;
  private TestEngine engine;
  private SqliteIdempotencyLedger ledger;
  private WorkerRuntime runtime;
  private Path inbox;

  @BeforeEach
  void start() throws Exception {
    engine = TestEngine.inMemory();
    ledger = SqliteIdempotencyLedger.open(dir.resolve("ledger.db"), Clock.systemUTC());
    inbox = Files.createDirectories(dir.resolve("inbox"));
    runtime = WorkerRuntime.builder(engine.client()).ledger(ledger).workspaceRoot(dir.resolve("ws"))
        .area("inbox", inbox).secrets(SecretSource.of(Map.of("XLS_PASSWORD", "password")))
        .worker(new ReadSpreadsheetWorker()).worker(new FilterRowsWorker()).worker(new WriteSpreadsheetWorker())
        .worker(new LookupRowWorker()).build().start();
  }

  @AfterEach
  void stop() {
    runtime.close();
    ledger.close();
    engine.close();
  }

  /**
   * The variables at the inspect task. POI's first use loads many classes; on a loaded machine
   * that takes longer than the test engine's default wait, so this waits up to two minutes.
   */
  private Map<String, Object> inspect() {
    long deadline = System.nanoTime() + java.time.Duration.ofMinutes(2).toNanos();
    while (true) {
      List<io.camunda.client.api.response.ActivatedJob> jobs = engine.activateJobs("test:inspect", 1);
      if (!jobs.isEmpty() || System.nanoTime() > deadline) {
        assertThat(jobs).as("the inspect job").hasSize(1);
        return jobs.get(0).getVariablesAsMap();
      }
    }
  }

  @Test
  void shouldFilterAnInboxCsvAndWriteTheMatchesToXlsxWhenTheProcessRuns() throws Exception {
    Files.writeString(inbox.resolve("invoices.csv"), "supplier;amount\nACME;1.500,00\nGlobex;99,90\nInitech;2.000,10\n",
        StandardCharsets.UTF_8);
    String processId = TestEngine.uniqueProcessId();
    BpmnModelInstance model = Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("filter", t -> t.zeebeJobType("rpa:spreadsheet.filter:1")
            .zeebeInputExpression("\"inbox:invoices.csv\"", "file").zeebeInputExpression("\";\"", "delimiter")
            .zeebeInputExpression("\",\"", "decimalSeparator").zeebeInputExpression("\".\"", "thousandsSeparator")
            .zeebeInputExpression("{\"amount\": \"decimal\"}", "columnTypes")
            .zeebeInputExpression("[{\"column\": \"amount\", \"operator\": \"greaterThan\", \"value\": 1000}]",
                "conditions")
            .zeebeOutputExpression("rows", "large"))
        .serviceTask("write", t -> t.zeebeJobType("rpa:spreadsheet.write:1")
            .zeebeInputExpression("\"out/large.xlsx\"", "file").zeebeInputExpression("large", "rows")
            .zeebeOutputExpression("file", "report").zeebeOutputExpression("rowCount", "written"))
        .serviceTask("inspect", t -> t.zeebeJobType("test:inspect")).endEvent().done();
    engine.deploy(model);

    long instance = engine.createInstance(processId, Map.of());

    Map<String, Object> variables = inspect();
    assertThat(variables).containsEntry("report", "out/large.xlsx").containsEntry("written", 2);
    assertThat((List<?>) variables.get("large")).hasSize(2);
    assertThat(dir.resolve("ws").resolve(Long.toString(instance)).resolve("out/large.xlsx")).isRegularFile();
  }

  @Test
  void shouldRaiseAnIncidentNamingTheFileWhenTheWorkbookIsEncryptedAndNoPasswordIsGiven() throws Exception {
    try (var in = getClass().getResourceAsStream("/spreadsheet/corpus/password.xls")) {
      Files.copy(in, inbox.resolve("locked.xls"));
    }
    String processId = TestEngine.uniqueProcessId();
    engine.deploy(TestEngine.serviceTaskProcess(processId, "rpa:spreadsheet.read:1"));

    long instance = engine.createInstance(processId, Map.of("file", "inbox:locked.xls"));

    assertThat(engine.awaitIncidents(instance).get(0).getErrorMessage())
        .startsWith(String.format(WorkbookFailures.ENCRYPTED, "inbox:locked.xls"));
  }

  @Test
  void shouldReadAnEncryptedWorkbookWhenThePasswordIsASecretReference() throws Exception {
    try (var in = getClass().getResourceAsStream("/spreadsheet/corpus/password.xls")) {
      Files.copy(in, inbox.resolve("locked.xls"));
    }
    String processId = TestEngine.uniqueProcessId();
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("read", t -> t.zeebeJobType("rpa:spreadsheet.read:1"))
        .serviceTask("inspect", t -> t.zeebeJobType("test:inspect")).endEvent().done());

    engine.createInstance(processId, Map.of("file", "inbox:locked.xls", "password", "secrets.XLS_PASSWORD",
        "headerRow", 0));

    Map<String, Object> variables = inspect();
    assertThat(((Number) variables.get("rowCount")).longValue()).isPositive();
    assertThat(variables.toString()).doesNotContain("=password");
  }
}
