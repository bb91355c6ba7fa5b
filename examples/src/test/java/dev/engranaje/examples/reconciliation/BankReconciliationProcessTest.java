package dev.engranaje.examples.reconciliation;

import static dev.engranaje.examples.reconciliation.ReconciliationProcessHarness.attachment;
import static dev.engranaje.examples.reconciliation.ReconciliationProcessHarness.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.engranaje.engine.record.ProcessInstanceIntent;
import dev.engranaje.workers.runtime.Backoff;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real {@code bank-reconciliation.bpmn} on the embedded engine, through the official client,
 * with GreenMail, the mock bank portal, the catalog's workers and the small sample data set
 * ({@code examples/bank-reconciliation/small/}): the happy path with the statement downloaded by
 * HtmlUnit and by headless Chromium, the statement taken from the bank's mail instead, and the
 * review deadline's escalation. The report is read back from the mail cell by cell against values
 * worked out by hand from the small data set and its truth ({@code truth-small.csv}), not by running
 * the matcher again.
 *
 * <p>The small data set, by hand: 13 booked entries (10 credits 23,834.12, 3 debits 8,091.23;
 * opening 48,213.57 + 15,742.89 = closing 63,956.46) against 14 open items (13 receivables
 * 30,266.26, one payable 8,070.41). The truth: 8 confirmable groups (9 entries, 9 items), the
 * ambiguous Seenland payment (one entry, two identical invoices INV-2026-0308/0309) and the
 * Elbsandstein near miss (1,634.98 paid against INV-2026-0310 of 1,784.98) for a person, two bank
 * charges without item, and INV-2026-0311/0312 unpaid.
 */
class BankReconciliationProcessTest {
  static final String REVIEWER_LOGIN = "ana.lima";
  static final String REVIEWER = "Ana Lima";
  static final String STATEMENT = "STMT-2026-11-S";
  static final String SEENLAND = "DB110500010";
  static final String ELBSANDSTEIN = "DB110300011";
  static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(8));

  @TempDir Path root;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"htmlunit", "chromium"})
  void shouldMailTheReportOfTheReviewedMatchesWhenThePortalStatementIsDownloadedWithEachBrowser(String browser)
      throws Exception {
    Chromium.assumeAvailable(browser);
    try (ReconciliationProcessHarness process = ReconciliationProcessHarness.start(root, BACKOFF, b -> b.small())) {
      // given an instance that downloads the small month's camt.053 from the portal
      long instance = process.startInstance(process.stack().variables("portal", "camt053", browser));

      // when the accountant accepts the Seenland suggestion and rejects the Elbsandstein near miss
      UserTask task = process.awaitUserTask(instance);
      Map<String, Object> offered = process.localVariables(task.getElementInstanceKey());
      List<Map<String, Object>> suggestions = process.review(task, REVIEWER_LOGIN, REVIEWER,
          Map.of(SEENLAND, "accept", ELBSANDSTEIN, "reject"));
      ProcessInstanceState end = process.awaitEnd(instance);

      // then the instance took the portal path and reconciled
      assertThat(end).isEqualTo(ProcessInstanceState.COMPLETED);
      assertThat(process.elementsCompleted(instance)).containsSubsequence("start-manual", "download-statement",
          "parse-statement", "read-ledger", "match", "review-matches", "write-report", "mail-report", "end-done")
          .doesNotContain("fetch-statement-mail", "notify-invalid", "escalate-review");
      assertThat(process.stack().portal().downloads()).isEqualTo(1);
      assertReviewTaskOffered(task, offered, process.clock().instant());
      UserTask reviewed = process.client().newUserTaskGetRequest(task.getUserTaskKey()).send().join();
      assertThat(reviewed.getState()).isEqualTo(UserTaskState.COMPLETED);
      assertThat(reviewed.getAssignee()).isEqualTo(REVIEWER_LOGIN);
      String seenland = groupOf(suggestions, SEENLAND);
      String elbsandstein = groupOf(suggestions, ELBSANDSTEIN);

      // and exactly one mail went out: the report to accounting, the same file the workspace holds
      List<MimeMessage> mails = process.sentMails();
      assertThat(mails).hasSize(1);
      MimeMessage mail = mails.get(0);
      assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly(ReconciliationStack.ACCOUNTING_MAIL);
      assertThat(mail.getFrom()[0].toString()).contains(ReconciliationStack.ROBOT_MAIL);
      // the subject and text are the matcher's counts before the review: 8 matched, 2 + 2 + 3 open
      assertThat(mail.getSubject()).isEqualTo("Bank reconciliation " + STATEMENT + ": 8 matched, 7 open");
      assertThat(text(mail)).contains("Opening balance 48213.57, closing balance 63956.46.",
          "Entries 13, matched 8, suggested 2, exceptions 5.");
      byte[] xlsx = attachment(mail, ".xlsx");
      Path report = process.stack().workspaceRoot().resolve(Long.toString(instance))
          .resolve("reports/reconciliation-" + STATEMENT + ".xlsx");
      assertThat(report).exists();
      assertThat(Files.readAllBytes(report)).isEqualTo(xlsx);

      // and the report says, cell by cell, what the accountant decided
      ReportWorkbook workbook = ReportWorkbook.read(xlsx);
      assertThat(workbook.sheetNames()).containsExactly("Summary", "Matched", "Suggested", "Unmatched bank", "Unmatched ledger");
      assertThat(workbook.rows("Summary")).containsExactlyElementsOf(summary("1",
          "downloads/" + STATEMENT + ".camt053.xml (camt.053.001.02)", "2 suggestion(s) decided: 1 accepted, 1 rejected",
          // the 8 truth groups and the accepted Seenland payment: 10 entries, 10 items, the fee 1.50 apart
          List.of("Confirmed", "9", "10", "14128.73", "10", "14130.23"),
          List.of("Suggested", "0", "0", "0.00", "0", "0.00"),
          // the two charges and the rejected Elbsandstein payment: -12.90 - 7.92 + 1634.98
          List.of("Unmatched bank", "3", "3", "1614.16", "0", "0.00"),
          // INV-2026-0309, 0311, 0312 and the rejected 0310: 1392.31 + 922.64 + 3965.69 + 1784.98
          List.of("Unmatched ledger", "4", "0", "0.00", "4", "8065.62")));
      List<List<String>> matched = new ArrayList<>(CONFIRMED_BY_THE_MATCHER);
      matched.add(List.of(seenland, "counterparty-amount-date", "medium", SEENLAND, "2026-11-05", "1392.31",
          "Seenland Freizeit GmbH", "Zahlung Kundennr 20000", "INV-2026-0308", "INV-2026-0308", "Seenland Freizeit GmbH",
          "1392.31", "0.00", "suggestion accepted by " + REVIEWER));
      assertThat(workbook.rows("Matched")).first().isEqualTo(List.of("Group", "Rule", "Confidence", "Bank refs",
          "Booking date", "Bank amount", "Counterparty", "Remittance", "Ledger ids", "References", "Partners",
          "Ledger amount", "Difference", "Note"));
      assertThat(workbook.dataRows("Matched")).containsExactlyElementsOf(matched);
      assertThat(workbook.rows("Suggested")).containsExactly(List.of("Group", "Rule", "Confidence", "Bank refs",
          "Booking date", "Bank amount", "Counterparty", "Remittance", "Ledger ids", "References", "Partners",
          "Ledger amount", "Difference", "Evidence", "Decision"));
      String rejected = "suggestion " + elbsandstein + " rejected by " + REVIEWER;
      assertThat(workbook.rows("Unmatched bank")).first().isEqualTo(List.of("Bank ref", "Booking date", "Value date",
          "Amount", "Currency", "Counterparty", "Counterparty IBAN", "Remittance", "End-to-end id", "Transaction code", "Note"));
      assertThat(workbook.dataRows("Unmatched bank")).containsExactly(
          List.of(ELBSANDSTEIN, "2026-11-03", "2026-11-03", "1634.98", "EUR", "Elbsandstein Outdoor",
              "DE34100260300600038295", "Invoice INV-2026-0310", "", "PMNT/RCDT/ESCT", rejected),
          CHARGE_ACCOUNT_FEE, CHARGE_FOREIGN_PAYMENT);
      assertThat(workbook.rows("Unmatched ledger")).first().isEqualTo(List.of("Ledger id", "Reference", "Partner",
          "Partner IBAN", "Document date", "Due date", "Amount", "Currency", "Note"));
      assertThat(workbook.dataRows("Unmatched ledger")).containsExactly(
          List.of("INV-2026-0310", "INV-2026-0310", "Elbsandstein Outdoor", "DE34100260300600038295", "2026-10-06",
              "2026-11-05", "1784.98", "EUR", rejected),
          OPEN_SEENLAND_SECOND_INVOICE, OPEN_SONNENHANG, OPEN_SPREEWALD);
      // laid out for a person: frozen header and autofilter on every data sheet
      for (String sheet : List.of("Matched", "Suggested", "Unmatched bank", "Unmatched ledger")) {
        assertThat(workbook.layouts().get(sheet).frozenRows()).as("frozen rows of %s", sheet).isEqualTo(1);
        assertThat(workbook.layouts().get(sheet).autoFilter()).as("autofilter of %s", sheet).startsWith("A1:");
      }
    }
  }

  @Test
  void shouldReconcileTheMt940StatementFromTheBanksMailAndKeepAnUndecidedSuggestionSuggested() throws Exception {
    try (ReconciliationProcessHarness process = ReconciliationProcessHarness.start(root, BACKOFF, b -> b.small())) {
      // given the bank's mail with the small month as MT940 in the robot's inbox
      process.stack().mailStatement("statement-small.mt940.sta",
          ReconciliationStack.sample("small/statement-small.mt940.sta"));
      long instance = process.startInstance(process.stack().variables("mail", "mt940", "htmlunit"));

      // when the accountant accepts the Seenland suggestion and leaves the near miss undecided
      UserTask task = process.awaitUserTask(instance);
      Map<String, String> decisions = new HashMap<>();
      decisions.put(SEENLAND, "accept");
      decisions.put(ELBSANDSTEIN, null);
      List<Map<String, Object>> suggestions = process.review(task, REVIEWER_LOGIN, REVIEWER, decisions);
      ProcessInstanceState end = process.awaitEnd(instance);

      // then the statement came from the mail, not the portal
      assertThat(end).isEqualTo(ProcessInstanceState.COMPLETED);
      assertThat(process.elementsCompleted(instance)).containsSubsequence("fetch-statement-mail", "gw-mail",
          "parse-statement", "review-matches", "mail-report", "end-done").doesNotContain("download-statement");
      assertThat(process.stack().portal().downloads()).isZero();
      String elbsandstein = groupOf(suggestions, ELBSANDSTEIN);

      // and one report mail (the bank's own mail is not counted), whose report keeps the near miss suggested
      List<MimeMessage> mails = process.sentMails();
      assertThat(mails).hasSize(1);
      assertThat(mails.get(0).getSubject()).isEqualTo("Bank reconciliation " + STATEMENT + ": 8 matched, 7 open");
      ReportWorkbook workbook = ReportWorkbook.read(attachment(mails.get(0), ".xlsx"));
      // the attachment as the mail worker saved it (below the message's folder and IMAP uid)
      String statementFile = workbook.rows("Summary").get(6).get(1);
      assertThat(statementFile).matches("mail/INBOX/[^/]+/attachments/statement-small\\.mt940\\.sta \\(mt940\\)");
      assertThat(workbook.rows("Summary")).containsExactlyElementsOf(summary("1/1", statementFile, "1 suggestion(s) decided: 1 accepted, 0 rejected",
          List.of("Confirmed", "9", "10", "14128.73", "10", "14130.23"),
          List.of("Suggested", "1", "1", "1634.98", "1", "1784.98"),
          List.of("Unmatched bank", "2", "2", "-20.82", "0", "0.00"),
          List.of("Unmatched ledger", "3", "0", "0.00", "3", "6280.64")));
      List<List<String>> suggested = workbook.dataRows("Suggested");
      assertThat(suggested).hasSize(1);
      assertThat(suggested.get(0).subList(0, 13)).containsExactly(elbsandstein, "suggest-reference-or-amount", "low",
          ELBSANDSTEIN, "2026-11-03", "1634.98", "Elbsandstein Outdoor", "Invoice INV-2026-0310", "INV-2026-0310",
          "INV-2026-0310", "Elbsandstein Outdoor", "1784.98", "-150.00");
      // the evidence: the invoice the remittance cites, and the 150.00 the payment falls short;
      // the decision column is left for the accountant
      assertThat(suggested.get(0).get(13)).contains("reference: bank 'INV20260310', ledger 'INV-2026-0310'",
          "amount: bank '1634.98', ledger '1784.98' (difference -150.00");
      assertThat(suggested.get(0)).hasSize(14);
      assertThat(workbook.dataRows("Matched")).extracting(row -> row.get(3)).containsExactly("DB110400007, DB111600008",
          "DB110600009", "DB110900006", "DB111200005", "DB111700001", "DB111700004", "DB111800002", "DB112600003", SEENLAND);
      assertThat(workbook.dataRows("Unmatched bank")).extracting(row -> row.get(0)).containsExactly("DB110200012", "DB111600013");
      assertThat(workbook.dataRows("Unmatched ledger")).extracting(row -> row.get(0))
          .containsExactly("INV-2026-0309", "INV-2026-0311", "INV-2026-0312");
    }
  }

  @Test
  void shouldRemindTheLeadOnceAndStillTakeTheReviewWhenTheReviewIsOverdue() throws Exception {
    try (ReconciliationProcessHarness process = ReconciliationProcessHarness.start(root, BACKOFF, b -> b.small())) {
      // given an instance waiting for the review (statement from the bank's mail: no browser needed)
      process.stack().mailStatement("statement-small.camt053.xml", ReconciliationStack.sample("small/statement-small.camt053.xml"));
      long instance = process.startInstance(process.stack().variables("mail", "camt053", "htmlunit"));
      UserTask task = process.awaitUserTask(instance);

      // when four hours pass on the engine's clock without a decision
      process.clock().advance(Duration.ofHours(4).plusMinutes(1));
      ReconciliationProcessHarness.await("the escalation mail", () -> process.sentMails().size() == 1);
      process.awaitElement(instance, "end-escalated");

      // then the lead got one reminder, and the task is still the accountant's to complete
      MimeMessage reminder = process.sentMails().get(0);
      assertThat(reminder.getAllRecipients()).extracting(Object::toString).containsExactly(ReconciliationStack.LEAD_MAIL);
      assertThat(reminder.getSubject()).isEqualTo("Overdue: bank reconciliation review " + STATEMENT);
      assertThat(text(reminder)).contains("The review of statement " + STATEMENT + " (2 suggestions, 5 exceptions) is overdue.");
      assertThat(process.awaitUserTask(instance).getUserTaskKey()).isEqualTo(task.getUserTaskKey());
      process.review(task, REVIEWER_LOGIN, REVIEWER, Map.of(SEENLAND, "accept", ELBSANDSTEIN, "reject"));
      assertThat(process.awaitEnd(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
      List<MimeMessage> mails = process.sentMails();
      assertThat(mails).hasSize(2);
      assertThat(mails.get(1).getAllRecipients()).extracting(Object::toString).containsExactly(ReconciliationStack.ACCOUNTING_MAIL);
      assertThat(process.elementEvents(instance, ProcessInstanceIntent.ELEMENT_COMPLETED))
          .containsOnlyOnce("escalate-review").contains("end-escalated", "end-done");
    }
  }

  /** The review task as the accountant sees it: her group, due four hours after it was created, the form's data. */
  @SuppressWarnings("unchecked")
  private static void assertReviewTaskOffered(UserTask task, Map<String, Object> variables, java.time.Instant now)
      throws Exception {
    assertThat(task.getCandidateGroups()).containsExactly("accounting");
    // created between the engine clock's start and now, so due four hours after a time in between
    assertThat(task.getDueDate().toInstant()).isBetween(ReconciliationProcessHarness.MORNING.plus(Duration.ofHours(4)),
        now.plus(Duration.ofHours(4)));
    assertThat((Map<String, Object>) variables.get("statementSummary")).containsAllEntriesOf(Map.of(
        "statementId", STATEMENT, "accountIban", "DE89370400440532013000", "currency", "EUR",
        "openingBalance", "48213.57", "closingBalance", "63956.46", "creditTotal", "23834.12", "debitTotal", "8091.23"));
    assertThat((Map<String, Object>) variables.get("matchCounts")).containsAllEntriesOf(Map.of(
        "entries", 13, "confirmed", 8, "suggested", 2, "unmatchedBank", 2, "unmatchedLedger", 3, "exceptions", 5, "open", 7));
    List<Map<String, Object>> decisions = (List<Map<String, Object>>) variables.get("decisions");
    assertThat(decisions).extracting(d -> d.get("bankRefs"), d -> d.get("ledgerItems"), d -> d.get("amount"),
            d -> d.get("difference"), d -> d.get("confidence"), d -> d.get("decision"))
        .containsExactlyInAnyOrder(
            tuple(ELBSANDSTEIN, "INV-2026-0310", "1634.98", "-150.00", "low", "accept"),
            tuple(SEENLAND, "INV-2026-0308", "1392.31", "0.00", "medium", "accept"));
    List<Map<String, Object>> exceptions = (List<Map<String, Object>>) variables.get("exceptionList");
    assertThat(exceptions).extracting(e -> e.get("kind") + " " + e.get("bankRefs") + " " + e.get("ledgerItems") + " " + e.get("amount"))
        .containsExactlyInAnyOrder("unmatchedBank DB110200012  -12.90", "unmatchedBank DB111600013  -7.92",
            "unmatchedLedger null INV-2026-0309 1392.31", "unmatchedLedger null INV-2026-0311 922.64",
            "unmatchedLedger null INV-2026-0312 3965.69");
    // every field the review form shows is one the task's data has
    ReviewForm form = ReviewForm.read();
    for (Map<String, Object> decision : decisions) {
      assertThat(decision.keySet()).as("a suggestion's fields").containsAll(form.suggestionKeys());
    }
    // (an exception leaves out what it has not: a bank charge has no counterparty, an open item no bank entry)
    assertThat(exceptions.stream().flatMap(e -> e.keySet().stream()).distinct()).as("the exceptions' fields")
        .containsAll(form.exceptionKeys());
    for (String path : form.headingPaths()) {
      String[] parts = path.split("\\.");
      assertThat(((Map<String, Object>) variables.get(parts[0]))).as("heading value %s", path).containsKey(parts[1]);
    }
  }

  private static String groupOf(List<Map<String, Object>> suggestions, String bankRef) {
    return suggestions.stream().filter(s -> bankRef.equals(s.get("bankRefs"))).map(s -> (String) s.get("id")).findFirst()
        .orElseThrow(() -> new AssertionError("Expected a suggestion for " + bankRef + " in " + suggestions));
  }

  /** The Summary sheet of the small statement, row by row; only the sequence, the file, the review line and the outcomes vary. */
  static List<List<String>> summary(String sequence, String statementFile, String review, List<String> confirmed, List<String> suggested,
      List<String> unmatchedBank, List<String> unmatchedLedger) {
    // opening + credits + debits = closing, as the statement says
    assertThat(new BigDecimal("48213.57").add(new BigDecimal("23834.12")).subtract(new BigDecimal("8091.23")))
        .isEqualByComparingTo("63956.46");
    return List.of(
        List.of("Bank reconciliation"),
        List.of(),
        List.of("Account", "DE89370400440532013000"),
        List.of("Currency", "EUR"),
        List.of("Statement", STATEMENT),
        // camt's electronic sequence number; MT940's statement/page number of :28C:
        List.of("Sequence", sequence),
        List.of("Statement file", statementFile),
        // the period of the booked entries: the first on 2 November, the last on 26 November
        List.of("Period from", "2026-11-02"),
        List.of("Period to", "2026-11-26"),
        List.of("Opening balance", "48213.57", "2026-10-31"),
        List.of("Closing balance", "63956.46", "2026-11-30"),
        List.of("Booked entries", "13"),
        List.of("Other entries (not reconciled)", "0"),
        List.of("Credits", "23834.12"),
        List.of("Debits", "-8091.23"),
        List.of("Ledger export", "samples:ledger.xlsx"),
        List.of("Ledger items", "14"),
        List.of("Open receivables", "30266.26"),
        List.of("Open payables", "-8070.41"),
        List.of("Rules", "samples:match-rules.yaml"),
        List.of("Review", review),
        List.of(),
        List.of("Outcome", "Groups", "Bank entries", "Bank amount", "Ledger items", "Ledger amount"),
        confirmed, suggested, unmatchedBank, unmatchedLedger);
  }

  /** The eight groups truth-small.csv calls confirmed, in booking-date order, as the Matched sheet shows them. */
  static final List<List<String>> CONFIRMED_BY_THE_MATCHER = List.of(
      // many payments, one invoice: two instalments 615.66 + 615.67 of INV-2026-0306
      List.of("G1", "reference-exact", "high", "DB110400007, DB111600008", "2026-11-04", "1231.33", "Feldberg Laufsport",
          "INV-2026-0306 Teilzahlung 1/2; INV-2026-0306 Teilzahlung 2/2", "INV-2026-0306", "INV-2026-0306",
          "Feldberg Laufsport", "1231.33", "0.00"),
      // the bank kept 1.50 of charges: 2868.07 paid for 2869.57
      List.of("G2", "reference-with-fee", "high", "DB110600009", "2026-11-06", "2868.07", "Hafenkante Surf KG",
          "Invoice INV-2026-0307 less charges", "INV-2026-0307", "INV-2026-0307", "Hafenkante Surf KG", "2869.57", "-1.50"),
      // one payment, two invoices: 2342.34 + 1720.06, both cited
      List.of("G3", "reference-exact", "high", "DB110900006", "2026-11-09", "4062.40", "Waldweg Ausruestung GmbH",
          "Sammelzahlung INV-2026-0304 INV-2026-0305", "INV-2026-0304, INV-2026-0305", "INV-2026-0304; INV-2026-0305",
          "Waldweg Ausruestung GmbH", "4062.40", "0.00"),
      // no reference: same payer, same amount, within the date window
      List.of("G4", "counterparty-amount-date", "high", "DB111200005", "2026-11-12", "3697.13", "Wanderlust Reisen GmbH",
          "Zahlung", "INV-2026-0303", "INV-2026-0303", "Wanderlust Reisen GmbH", "3697.13", "0.00"),
      List.of("G5", "reference-exact", "high", "DB111700001", "2026-11-17", "572.62", "Polarstern Expeditionen AG",
          "Invoice INV-2026-0300", "INV-2026-0300", "INV-2026-0300", "Polarstern Expeditionen AG", "572.62", "0.00"),
      // a payable settled by our own transfer, found by its end-to-end id
      List.of("G6", "reference-exact", "high", "DB111700004", "2026-11-17", "-8070.41", "Carabiner Metall GmbH",
          "Ihre Rechnung R-88460", "AP-2026-00700", "AP-2026-00700", "Carabiner Metall GmbH", "-8070.41", "0.00"),
      // the invoice number in lower case
      List.of("G7", "reference-exact", "high", "DB111800002", "2026-11-18", "5992.37", "Sternwarte Camping GmbH",
          "inv-2026-0301", "INV-2026-0301", "INV-2026-0301", "Sternwarte Camping GmbH", "5992.37", "0.00"),
      // a structured creditor reference
      List.of("G8", "reference-exact", "high", "DB112600003", "2026-11-26", "2382.91", "Fjord Trading BV", "RF33KOS5300",
          "INV-2026-0302", "RF33KOS5300", "Fjord Trading BV", "2382.91", "0.00"));

  static final List<String> CHARGE_ACCOUNT_FEE = List.of("DB110200012", "2026-11-02", "2026-11-02", "-12.90", "EUR", "", "",
      "ENTGELTABSCHLUSS Kontofuehrungsgebuehr 11/2026", "", "ACMT/MDOP/CHRG");
  static final List<String> CHARGE_FOREIGN_PAYMENT = List.of("DB111600013", "2026-11-16", "2026-11-16", "-7.92", "EUR", "", "",
      "ENTGELTABSCHLUSS Entgelt Auslandszahlung", "", "ACMT/MDOP/CHRG");
  static final List<String> OPEN_SEENLAND_SECOND_INVOICE = List.of("INV-2026-0309", "INV-2026-0309", "Seenland Freizeit GmbH",
      "DE65100240300600037185", "2026-10-09", "2026-11-08", "1392.31", "EUR");
  static final List<String> OPEN_SONNENHANG = List.of("INV-2026-0311", "INV-2026-0311", "Sonnenhang Huetten GmbH",
      "DE42100220300600037629", "2026-10-23", "2026-11-22", "922.64", "EUR");
  static final List<String> OPEN_SPREEWALD = List.of("INV-2026-0312", "INV-2026-0312", "Spreewald Kanu GmbH",
      "DE15100220300600038406", "2026-10-19", "2026-11-18", "3965.69", "EUR");

  /** What the review form reads from the task's data: the suggestion fields, the exception columns, the heading values. */
  record ReviewForm(Set<String> suggestionKeys, Set<String> exceptionKeys, Set<String> headingPaths) {
    static ReviewForm read() throws Exception {
      JsonNode form = new ObjectMapper().readTree(dev.engranaje.examples.ExampleResources.read(ReconciliationStack.FORM));
      Set<String> suggestion = new LinkedHashSet<>();
      Set<String> exception = new LinkedHashSet<>();
      Set<String> heading = new LinkedHashSet<>();
      for (JsonNode component : form.get("components")) {
        String type = component.get("type").asText();
        if (type.equals("dynamiclist")) {
          component.get("components").forEach(c -> suggestion.add(c.get("key").asText()));
        } else if (type.equals("table")) {
          component.get("columns").forEach(c -> exception.add(c.get("key").asText()));
        } else if (type.equals("text")) {
          Matcher m = Pattern.compile("\\{\\{([a-zA-Z.]+)}}").matcher(component.get("text").asText());
          while (m.find()) {
            heading.add(m.group(1));
          }
        }
      }
      assertThat(suggestion).as("suggestion fields of the form").isNotEmpty();
      assertThat(exception).as("exception columns of the form").isNotEmpty();
      assertThat(heading).as("heading values of the form").isNotEmpty();
      return new ReviewForm(suggestion, exception, heading);
    }
  }
}
