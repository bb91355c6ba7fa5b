package dev.engranaje.workers.finance.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.engine.testkit.TestEngine;
import dev.engranaje.workers.finance.report.ReconciliationJson;
import dev.engranaje.workers.finance.report.ReconciliationResult;
import dev.engranaje.workers.finance.statement.StatementJson;
import dev.engranaje.workers.ledger.SqliteIdempotencyLedger;
import dev.engranaje.workers.runtime.WorkerRuntime;
import dev.engranaje.workers.secrets.SecretSource;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
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
 * The three finance workers served by the WorkerRuntime against the embedded engine through the
 * official client: read the ERP export, match it with a statement, let a "review" task decide, write
 * the report.
 */
class FinanceWorkersEndToEndTest {
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
    copy("op-liste-2026-11.xlsx");
    copy("op-liste-2026-11.yaml");
    try (OutputStream out = Files.newOutputStream(inbox.resolve("statement.json"))) {
      StatementJson.write(FinanceStatements.november(), out);
    }
    runtime = WorkerRuntime.builder(engine.client()).ledger(ledger).workspaceRoot(dir.resolve("ws"))
        .area("inbox", inbox).secrets(SecretSource.of(Map.of())).worker(new ReadLedgerWorker())
        .worker(new MatchTransactionsWorker()).worker(new WriteReconciliationReportWorker()).build().start();
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
    engine.close();
  }

  /** Waits (up to two minutes: POI's first use is slow on a loaded machine) for a job of {@code type}. */
  private ActivatedJob job(String type) {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (true) {
      List<ActivatedJob> jobs = engine.activateJobs(type, 1);
      if (!jobs.isEmpty() || System.nanoTime() > deadline) {
        assertThat(jobs).as("a job of " + type).hasSize(1);
        return jobs.get(0);
      }
    }
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
        .serviceTask("inspect", t -> t.zeebeJobType("test:inspect")).endEvent().done();
  }

  @Test
  void shouldReadMatchReviewAndReportWhenTheReconciliationProcessRuns() throws Exception {
    // given
    String processId = TestEngine.uniqueProcessId();
    engine.deploy(process(processId));

    // when
    long instance = engine.createInstance(processId, Map.of());
    ActivatedJob review = job("test:review");
    Map<String, Object> matched = review.getVariablesAsMap();
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> items = (List<Map<String, Object>>) matched.get("review");
    String suggestion = items.stream().filter(i -> "suggested".equals(i.get("kind"))).map(i -> (String) i.get("id"))
        .findFirst().orElseThrow();
    engine.client().newCompleteCommand(review.getKey())
        .variables(Map.of("accepted", List.of(), "rejected", List.of(suggestion))).send().join();
    Map<String, Object> done = job("test:inspect").getVariablesAsMap();

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
    Path workspace = dir.resolve("ws").resolve(Long.toString(instance));
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

  private static String text(Row row, int column) {
    return new DataFormatter().formatCellValue(row.getCell(column));
  }

  @Test
  void shouldRaiseTheLedgerErrorNamingRowAndColumnWhenTheExportHasABrokenAmount() throws Exception {
    // given
    Files.writeString(inbox.resolve("broken.csv"), "Nr;Betrag\nA-1;12,00\nA-2;zwölf\n");
    Files.writeString(inbox.resolve("broken.yaml"), "columns: {id: Nr, amount: Betrag}\ncurrency: EUR\n"
        + "locale: {delimiter: ';', decimalSeparator: ','}\n");
    String processId = TestEngine.uniqueProcessId();
    engine.deploy(TestEngine.serviceTaskProcess(processId, "rpa:finance.read-ledger:1"));

    // when
    long instance = engine.createInstance(processId, Map.of("path", "inbox:broken.csv", "mapping", "inbox:broken.yaml"));

    // then: an uncaught INVALID_LEDGER error becomes an incident with the message
    assertThat(engine.awaitIncidents(instance).get(0).getErrorMessage())
        .contains("column 'Betrag' of 'inbox:broken.csv' row 3, but found 'zwölf'");
  }
}
