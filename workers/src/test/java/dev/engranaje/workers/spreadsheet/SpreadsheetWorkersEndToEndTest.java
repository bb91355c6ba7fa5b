package dev.engranaje.workers.spreadsheet;

import static dev.engranaje.test.ProcessAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.test.ProcessInstance;
import dev.engranaje.test.ProcessTest;
import dev.engranaje.test.ProcessTestEngine;
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

/** The spreadsheet workers, through the WorkerRuntime, answering their jobs in a process test. */
@ProcessTest
class SpreadsheetWorkersEndToEndTest {
  @TempDir Path dir;
  ProcessTestEngine engine;
  private SqliteIdempotencyLedger ledger;
  private WorkerRuntime runtime;
  private Path inbox;

  @BeforeEach
  void start() throws Exception {
    ledger = SqliteIdempotencyLedger.open(dir.resolve("ledger.db"), Clock.systemUTC());
    inbox = Files.createDirectories(dir.resolve("inbox"));
    runtime = WorkerRuntime.builder(engine.client()).ledger(ledger).workspaceRoot(dir.resolve("ws"))
        .area("inbox", inbox).secrets(SecretSource.of(Map.of("XLS_PASSWORD", "password")))
        .worker(new ReadSpreadsheetWorker()).worker(new FilterRowsWorker()).worker(new WriteSpreadsheetWorker())
        .worker(new LookupRowWorker()).build();
    for (String type : List.of("rpa:spreadsheet.read:1", "rpa:spreadsheet.filter:1", "rpa:spreadsheet.write:1",
        "rpa:spreadsheet.lookup:1")) {
      engine.worker(type, runtime.handler(type));
    }
  }

  @AfterEach
  void stop() {
    runtime.close();
    ledger.close();
  }

  @Test
  void shouldFilterAnInboxCsvAndWriteTheMatchesToXlsxWhenTheProcessRuns() throws Exception {
    Files.writeString(inbox.resolve("invoices.csv"), "supplier;amount\nACME;1.500,00\nGlobex;99,90\nInitech;2.000,10\n",
        StandardCharsets.UTF_8);
    String processId = ProcessTestEngine.uniqueId("filter");
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
        .endEvent().done();
    engine.deploy(model);

    ProcessInstance instance = engine.startInstance(processId);

    assertThat(instance).isCompleted().hasVariable("report", "out/large.xlsx").hasVariable("written", 2);
    assertThat((List<?>) assertThat(instance).variables().get("large")).hasSize(2);
    assertThat(dir.resolve("ws").resolve(Long.toString(instance.key())).resolve("out/large.xlsx")).isRegularFile();
  }

  @Test
  void shouldRaiseAnIncidentNamingTheFileWhenTheWorkbookIsEncryptedAndNoPasswordIsGiven() throws Exception {
    try (var in = getClass().getResourceAsStream("/spreadsheet/corpus/password.xls")) {
      Files.copy(in, inbox.resolve("locked.xls"));
    }
    String processId = ProcessTestEngine.uniqueId("locked");
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("read", t -> t.zeebeJobType("rpa:spreadsheet.read:1")).endEvent().done());

    ProcessInstance instance = engine.startInstance(processId, Map.of("file", "inbox:locked.xls"));

    assertThat(instance).hasIncidentOn("read");
    assertThat(engine.incidents(instance.key()).get(0).getErrorMessage())
        .startsWith(String.format(WorkbookFailures.ENCRYPTED, "inbox:locked.xls"));
  }

  @Test
  void shouldReadAnEncryptedWorkbookWhenThePasswordIsASecretReference() throws Exception {
    try (var in = getClass().getResourceAsStream("/spreadsheet/corpus/password.xls")) {
      Files.copy(in, inbox.resolve("locked.xls"));
    }
    String processId = ProcessTestEngine.uniqueId("unlocked");
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("read", t -> t.zeebeJobType("rpa:spreadsheet.read:1")).endEvent().done());

    ProcessInstance instance = engine.startInstance(processId, Map.of("file", "inbox:locked.xls",
        "password", "secrets.XLS_PASSWORD", "headerRow", 0));

    Map<String, Object> variables = assertThat(instance).isCompleted().variables();
    assertThat(((Number) variables.get("rowCount")).longValue()).isPositive();
    assertThat(variables.toString()).doesNotContain("=password");
  }
}
