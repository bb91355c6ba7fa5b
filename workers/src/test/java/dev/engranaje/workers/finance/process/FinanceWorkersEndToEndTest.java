package dev.engranaje.workers.finance.process;

import static dev.engranaje.test.ProcessAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.test.JobMock;
import dev.engranaje.test.ProcessInstance;
import dev.engranaje.test.ProcessTest;
import dev.engranaje.test.ProcessTestEngine;
import dev.engranaje.workers.finance.report.ReconciliationJson;
import dev.engranaje.workers.finance.report.ReconciliationResult;
import dev.engranaje.workers.finance.statement.StatementJson;
import dev.engranaje.workers.ledger.SqliteIdempotencyLedger;
import dev.engranaje.workers.runtime.WorkerRuntime;
import dev.engranaje.workers.secrets.SecretSource;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three finance workers, through the WorkerRuntime, answering their jobs in a process test: read
 * the ERP export, match it with a statement, let a mocked "review" task decide, write the report.
 */
@ProcessTest
class FinanceWorkersEndToEndTest {
  @TempDir Path dir;
  ProcessTestEngine engine;
  private SqliteIdempotencyLedger ledger;
  private WorkerRuntime runtime;
  private Path inbox;

  @BeforeEach
  void start() throws Exception {
    ledger = SqliteIdempotencyLedger.open(dir.resolve("ledger.db"), Clock.systemUTC());
    inbox = Files.createDirectories(dir.resolve("inbox"));
    copy("op-liste-2026-11.xlsx");
    copy("op-liste-2026-11.yaml");
    try (OutputStream out = Files.newOutputStream(inbox.resolve("statement.json"))) {
      StatementJson.write(FinanceStatements.november(), out);
    }
    runtime = WorkerRuntime.builder(engine.client()).ledger(ledger).workspaceRoot(dir.resolve("ws"))
        .area("inbox", inbox).secrets(SecretSource.of(Map.of())).worker(new ReadLedgerWorker())
        .worker(new MatchTransactionsWorker()).worker(new WriteReconciliationReportWorker()).build();
    for (String type : List.of("rpa:finance.read-ledger:1", "rpa:finance.match:1", "rpa:finance.write-report:1")) {
      engine.worker(type, runtime.handler(type));
    }
  }

  private void copy(String name) throws Exception {
    try (InputStream in = getClass().getResourceAsStream("/finance/ledger/" + name)) {
      Files.copy(in, inbox.resolve(name));
    }
  }

  @AfterEach
  void stop() {
    runtime.close();
    ledger.close();
  }

  private static BpmnModelInstance process(String processId) {
    return Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("readLedger", t -> t.zeebeJobType("rpa:finance.read-ledger:1")
            .zeebeInputExpression("\"inbox:op-liste-2026-11.xlsx\"", "path")
            .zeebeInputExpression("\"inbox:op-liste-2026-11.yaml\"", "mapping")
            .zeebeOutputExpression("ledgerRef", "ledgerRef").zeebeOutputExpression("itemCount", "itemCount")
            .zeebeOutputExpression("total", "ledgerTotal"))
        .serviceTask("match", t -> t.zeebeJobType("rpa:finance.match:1")
            .zeebeInputExpression("\"inbox:statement.json\"", "statementRef")
            .zeebeInputExpression("ledgerRef", "ledgerRef")
            .zeebeOutputExpression("resultRef", "resultRef").zeebeOutputExpression("confirmed", "confirmed")
            .zeebeOutputExpression("suggested", "suggested").zeebeOutputExpression("unmatchedBank", "unmatchedBank")
            .zeebeOutputExpression("unmatchedLedger", "unmatchedLedger")
            .zeebeOutputExpression("needsReview", "needsReview").zeebeOutputExpression("review", "review"))
        .serviceTask("review", t -> t.zeebeJobType("test:review"))
        .serviceTask("report", t -> t.zeebeJobType("rpa:finance.write-report:1")
            .zeebeInputExpression("resultRef", "resultRef")
            .zeebeInputExpression("\"inbox:statement.json\"", "statementRef")
            .zeebeInputExpression("ledgerRef", "ledgerRef")
            .zeebeInputExpression("\"out/reconciliation.xlsx\"", "output")
            .zeebeInputExpression("{\"accepted\": accepted, \"rejected\": rejected, \"reviewer\": \"anna\"}",
                "reviewDecisions")
            .zeebeOutputExpression("reportRef", "reportRef").zeebeOutputExpression("closingBalance", "closingBalance")
            .zeebeOutputExpression("confirmed", "reviewedConfirmed")
            .zeebeOutputExpression("unmatchedLedger", "reviewedUnmatchedLedger"))
        .endEvent().done();
  }

  @Test
  void shouldReadMatchReviewAndReportWhenTheReconciliationProcessRuns() throws Exception {
    // given
    String processId = ProcessTestEngine.uniqueId("reconcile");
    engine.deploy(process(processId));
    JobMock review = engine.mock("test:review").thenComplete(call -> Map.of("accepted", List.of(),
        "rejected", List.of(firstSuggestion(call.variables()))));

    // when
    ProcessInstance instance = engine.startInstance(processId);
    Map<String, Object> done = assertThat(instance).isCompleted().variables();
    Map<String, Object> matched = review.lastCall().variables();
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> items = (List<Map<String, Object>>) matched.get("review");
    String suggestion = firstSuggestion(matched);

    // then: the variables stay small, money is text
    assertThat(matched).containsEntry("itemCount", 7).containsEntry("ledgerTotal", "3370.55")
        .containsEntry("needsReview", true).containsEntry("suggested", 1).containsEntry("unmatchedBank", 1);
    assertThat(((Number) matched.get("confirmed")).intValue()).isEqualTo(5);
    assertThat(items).extracting(i -> i.get("kind")).containsExactly("suggested", "unmatchedBank");
    assertThat(items.get(0)).containsEntry("bankRefs", "2026112800005").containsEntry("amount", "400.00")
        .containsEntry("counterparty", "Fischer OHG").containsEntry("ledgerIds", List.of("100249"))
        .containsEntry("confidence", "low").containsEntry("difference", "-20.00");
    assertThat(items.get(1)).containsEntry("bankRefs", "2026112800006").containsEntry("amount", "77.00");
    assertThat(done).containsEntry("reportRef", "out/reconciliation.xlsx").containsEntry("closingBalance", "13426.60")
        .containsEntry("reviewedUnmatchedLedger", 1);

    // and the files: the full result in the workspace, the reviewed report
    Path workspace = dir.resolve("ws").resolve(Long.toString(instance.key()));
    ReconciliationResult result;
    try (InputStream in = Files.newInputStream(workspace.resolve((String) matched.get("resultRef")))) {
      result = ReconciliationJson.read(in);
    }
    assertThat(result.groups()).hasSize(7);
    assertThat(result.counts()).isEqualTo(new ReconciliationResult.Counts(5, 1, 1, 0));
    try (XSSFWorkbook report = new XSSFWorkbook(Files.newInputStream(workspace.resolve("out/reconciliation.xlsx")))) {
      XSSFSheet unmatchedBank = report.getSheet("Unmatched bank");
      assertThat(text(unmatchedBank.getRow(1), 0)).isEqualTo("2026112800005");
      assertThat(text(unmatchedBank.getRow(1), 10)).isEqualTo("suggestion " + suggestion + " rejected by anna");
      assertThat(report.getSheet("Suggested").getLastRowNum()).isZero();
      assertThat(report.getSheet("Matched").getLastRowNum()).isEqualTo(5);
    }
  }

  @SuppressWarnings("unchecked")
  private static String firstSuggestion(Map<String, Object> matched) {
    return ((List<Map<String, Object>>) matched.get("review")).stream().filter(i -> "suggested".equals(i.get("kind")))
        .map(i -> (String) i.get("id")).findFirst().orElseThrow();
  }

  private static String text(Row row, int column) {
    return new DataFormatter().formatCellValue(row.getCell(column));
  }

  @Test
  void shouldRaiseTheLedgerErrorNamingRowAndColumnWhenTheExportHasABrokenAmount() throws Exception {
    // given
    Files.writeString(inbox.resolve("broken.csv"), "Nr;Betrag\nA-1;12,00\nA-2;zwölf\n");
    Files.writeString(inbox.resolve("broken.yaml"), "columns: {id: Nr, amount: Betrag}\ncurrency: EUR\n"
        + "locale: {delimiter: ';', decimalSeparator: ','}\n");
    String processId = ProcessTestEngine.uniqueId("broken-ledger");
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("readLedger", t -> t.zeebeJobType("rpa:finance.read-ledger:1")).endEvent().done());

    // when
    ProcessInstance instance = engine.startInstance(processId, Map.of("path", "inbox:broken.csv",
        "mapping", "inbox:broken.yaml"));

    // then: an uncaught INVALID_LEDGER error becomes an incident with the message
    assertThat(instance).hasIncidentOn("readLedger");
    assertThat(engine.incidents(instance.key()).get(0).getErrorMessage())
        .contains("column 'Betrag' of 'inbox:broken.csv' row 3, but found 'zwölf'");
  }
}
