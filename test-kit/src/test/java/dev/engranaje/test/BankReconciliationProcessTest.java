package dev.engranaje.test;

import static dev.engranaje.test.ProcessAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The flagship model bpmn/processes/bank-reconciliation.bpmn (from the engranaje-bpmn artifact) with
 * every worker mocked: what the model does with each answer, without a portal, a mail server or files.
 * The clock starts on a Tuesday at 09:00, after that day's 07:00 timer start; tests share it, so each
 * measures time from its own start.
 */
@ProcessTest(startAt = "2026-12-01T09:00:00Z")
class BankReconciliationProcessTest {
  private static final String PROCESS = "bank-reconciliation";
  private static final Map<String, Object> START = Map.of(
      "statementSource", "portal", "statementFormat", "camt053", "bankPortalUrl", "http://127.0.0.1:9/portal",
      "bankPortalUser", "robot", "ledgerFile", "ledger/open-items.xlsx", "accountingMail", "accounting@example.com",
      "escalationMail", "lead@example.com", "robotMail", "robot@example.com", "mailHost", "127.0.0.1");
  private static final Map<String, Object> PARSED = Map.of(
      "statementRef", "work/statement.json", "statementIds", List.of("STMT-2026-11-30"), "sequence", 334,
      "accountIban", "ES9121000418450200051332", "currency", "EUR", "opening", "10500.00", "closing", "12250.75",
      "entryCount", 3, "creditTotal", "2000.75", "debitTotal", "250.00");

  ProcessTestEngine engine;
  JobMock portal;
  JobMock parse;
  JobMock mail;

  @BeforeEach
  void deployAndMock() {
    engine.deployResources("processes/bank-reconciliation.bpmn", "forms/bank-reconciliation-review.form");
    // the start gives every variable, so the settings file has nothing to add
    engine.mock("rpa:runtime.load-settings:1").thenComplete(Map.of("settingsApplied", List.of()));
    portal = engine.mock("rpa:web.run-script:1")
        .thenComplete(Map.of("downloads", Map.of("statement", "downloads/statement.xml"), "extracted", Map.of()));
    parse = engine.mock("rpa:finance.parse-statement:1").thenComplete(PARSED);
    engine.mock("rpa:finance.read-ledger:1").thenComplete(Map.of("ledgerRef", "work/ledger.json"));
    engine.mock("rpa:finance.write-report:1")
        .thenComplete(Map.of("reportRef", "reports/reconciliation-STMT-2026-11-30.xlsx", "summary", Map.of("open", 0)));
    mail = engine.mock("rpa:mail.send:1").thenComplete(call -> Map.of("messageId", "<" + call.elementId() + "@robot>",
        "sentAt", "2026-12-01T09:00:00Z"));
  }

  private void matchWith(int suggested, List<Map<String, Object>> review) {
    engine.mock("rpa:finance.match:1").thenComplete(Map.of("resultRef", "work/match.json", "confirmed", 3 - suggested,
        "suggested", suggested, "unmatchedBank", 0, "unmatchedLedger", 0, "needsReview", suggested > 0, "review", review));
  }

  @Test
  void everyEntryMatchedGoesStraightToTheReportAndMailsIt() {
    matchWith(0, List.of());
    Instant started = engine.now();

    ProcessInstance instance = engine.startInstance(PROCESS, START);

    assertThat(instance).isCompleted()
        .hasPassedElementsInOrder("start-manual", "download-statement", "parse-statement", "read-ledger", "match",
            "gw-review", "write-report", "mail-report", "end-done")
        .hasNotPassedElements("review-matches", "notify-invalid")
        .hasVariable("counts", Map.of("entries", 3, "confirmed", 3, "suggested", 0, "unmatchedBank", 0,
            "unmatchedLedger", 0, "exceptions", 0, "open", 0))
        .hasVariable("reportMessageId", "<mail-report@robot>")
        .hasNoIncidents();
    assertThat(parse.lastCall().variables()).containsEntry("path", "downloads/statement.xml");
    assertThat(mail.lastCall().variables()).containsEntry("to", "accounting@example.com")
        .containsEntry("attachments", List.of("reports/reconciliation-STMT-2026-11-30.xlsx"));
    assertThat(engine.now()).as("nothing waited on a timer").isEqualTo(started);
  }

  @Test
  void overdueReviewRemindsTheLeadAfterFourHoursWithoutWaitingForThem() {
    matchWith(1, List.of(Map.of("id", "S1", "kind", "suggested", "ledgerIds", List.of("L-17"), "amount", "250.00")));
    Instant started = engine.now();
    ProcessInstance instance = engine.startInstance(PROCESS, START);
    assertThat(instance).hasActiveUserTask("review-matches").hasCandidateGroups("accounting").isUnassigned();

    assertThat(instance).hasPassedElementsInOrder("on-overdue", "escalate-review", "end-escalated")
        .hasActiveElements("review-matches");
    assertThat(Duration.between(started, engine.now())).isEqualTo(Duration.ofHours(4));
    assertThat(mail.lastCall().elementId()).isEqualTo("escalate-review");
    assertThat(mail.lastCall().variables()).containsEntry("to", "lead@example.com")
        .containsEntry("idempotencyKey", "review-overdue-STMT-2026-11-30");

    engine.completeUserTask(instance, "review-matches", Map.of("reviewer", "ana", "reviewComment", "checked",
        "decisions", List.of(Map.of("id", "S1", "decision", "accept"))), "ana");

    assertThat(instance).isCompleted().hasPassedElementsInOrder("review-matches", "write-report", "mail-report", "end-done")
        .hasVariable("reviewDecisions", Map.of("accepted", List.of("S1"), "rejected", List.of(), "reviewer", "ana"));
    assertThat(mail.calls()).extracting(JobCall::elementId).containsExactly("escalate-review", "mail-report");
  }

  @Test
  void unbalancedStatementIsRefusedAndTheTeamTold() {
    engine.mock("rpa:finance.parse-statement:1").thenThrowBpmnError("STATEMENT_UNBALANCED", "closing balance differs",
        Map.of("errorMessage", "the closing balance is 12250.76", "statementFile", "downloads/statement.xml"));

    ProcessInstance instance = engine.startInstance(PROCESS, START);

    assertThat(instance).isCompleted().hasPassedElementsInOrder("on-unbalanced", "notify-invalid", "end-refused")
        .hasNotPassedElements("read-ledger", "match", "mail-report")
        .hasVariable("statementErrorCode", "STATEMENT_UNBALANCED")
        .hasVariable("refusedFile", "downloads/statement.xml");
    assertThat(mail.lastCall().variables()).containsEntry("values", Map.of("code", "STATEMENT_UNBALANCED",
        "message", "the closing balance is 12250.76", "file", "downloads/statement.xml"));
  }

  @Test
  void portalThatStaysDownLeavesAnIncidentOnTheDownload() {
    JobMock down = engine.mock("rpa:web.run-script:1")
        .thenFail("The bank portal is unavailable (it shows its maintenance page)");

    ProcessInstance instance = engine.startInstance(PROCESS, START);

    assertThat(instance).hasIncident("JOB_NO_RETRIES", "maintenance page").hasIncidentOn("download-statement")
        .isActive().hasNotPassedElements("parse-statement");
    assertThat(down.callCount()).as("the model gives the download 5 retries").isEqualTo(5);
  }
}
