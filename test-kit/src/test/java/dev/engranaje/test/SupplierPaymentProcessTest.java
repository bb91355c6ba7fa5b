package dev.engranaje.test;

import static dev.engranaje.test.ProcessAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The flagship model bpmn/processes/supplier-payment.bpmn (from the engranaje-bpmn artifact) with its real
 * approval-tier decision and every worker mocked: one supplier invoice of 12500.00 EUR, which the decision
 * sends to two approvers. The record-approval mock answers like the worker: it appends the approval it is
 * given to the list it is given.
 */
@ProcessTest(startAt = "2026-12-01T09:00:00Z")
class SupplierPaymentProcessTest {
  private static final String PROCESS = "supplier-payment";
  private static final Map<String, Object> START = Map.ofEntries(
      Map.entry("mailHost", "127.0.0.1"), Map.entry("mailUser", "ap-robot"),
      Map.entry("robotMail", "robot@example.com"), Map.entry("apMail", "ap@example.com"),
      Map.entry("invoiceInbox", "invoices/inbox"), Map.entry("supplierMaster", "master/suppliers.xlsx"),
      Map.entry("openInvoices", "erp/open-items.csv"), Map.entry("paymentHistory", "master/history.xlsx"),
      Map.entry("preparer", "paula"), Map.entry("bankPortalUrl", "http://127.0.0.1:9/bank"),
      Map.entry("bankPortalUser", "kestrel-robot"));
  private static final Map<String, Object> INVOICE_CHECK = Map.of("invoiceFile", "invoices/inbox/HM-2026-5531.xml",
      "invoiceNumber", "HM-2026-5531", "status", "payable", "amount", "12500.00", "currency", "EUR", "reasons", List.of());
  private static final Map<String, Object> OPEN_ITEM = Map.of("invoiceNumber", "PS-88190", "supplierId", "S-1006",
      "amount", "238.00", "issueDate", "2026-11-24");
  private static final Map<String, Object> PAYMENT = Map.of("invoiceNumber", "HM-2026-5531", "supplierName", "Hansa Metall",
      "supplierEmail", "billing@hansa.example", "amount", "12500.00", "currency", "EUR", "endToEndId", "RUN-49-1");

  ProcessTestEngine engine;
  JobMock check;
  JobMock approvals;
  JobMock upload;
  JobMock mail;

  @BeforeEach
  void deployAndMock() {
    engine.deployResources("processes/supplier-payment.bpmn", "decisions/payment-approval.dmn",
        "forms/review-invoice.form", "forms/verify-bank-details.form", "forms/approve-payment-run.form",
        "forms/mail-undelivered.form");
    // the start gives every variable, so the settings file has nothing to add
    engine.mock("rpa:runtime.load-settings:1").thenComplete(Map.of("settingsApplied", List.of()));
    engine.mock("rpa:mail.fetch:1").thenComplete(Map.of("messages", List.of(), "skipped", List.of()));
    engine.mock("rpa:files.list:1").thenComplete(Map.of("files", List.of(Map.of("path", "invoices/inbox/HM-2026-5531.xml"))));
    engine.mock("rpa:spreadsheet.read:1").thenComplete(Map.of("rows", List.of(OPEN_ITEM), "rowCount", 1));
    check = engine.mock("rpa:payments.check-invoice:1").thenComplete(Map.of("check", INVOICE_CHECK));
    engine.mock("rpa:payments.prepare-run:1").thenComplete(Map.of(
        "run", Map.of("runId", "RUN-49", "runRef", "work/run-49.json", "total", "12500.00", "paymentCount", 1,
            "preparer", "paula"),
        "payable", List.of(PAYMENT), "rejectedInvoices", List.of(), "heldPayments", List.of(), "manualInvoices", List.of()));
    approvals = engine.mock("rpa:payments.record-approval:1").thenComplete(SupplierPaymentProcessTest::recordApproval);
    engine.mock("rpa:payments.write-pain001:1").thenComplete(Map.of("paymentFile", "payments/RUN-49.pain001.xml",
        "messageId", "MSG-RUN-49", "controlSum", "12500.00", "transactionCount", 1));
    upload = engine.mock("rpa:payments.upload-payment-file:1")
        .thenComplete(Map.of("uploadReceipt", Map.of("uploadId", "UP-7")));
    engine.mock("rpa:payments.read-status:1").thenComplete(Map.of("bankAccepted", List.of(PAYMENT), "bankRejected", List.of(),
        "statusSummary", Map.of("accepted", 1, "rejected", 0)));
    engine.mock("rpa:payments.record-payments:1").thenComplete(Map.of("paidCount", 1));
    engine.mock("rpa:payments.write-run-report:1").thenComplete(Map.of("reportFile", "reports/payment-run-RUN-49.xlsx"));
    mail = engine.mock("rpa:mail.send:1").thenComplete(call -> Map.of("messageId", "<" + call.elementId() + "@robot>"));
  }

  private ProcessInstance requestRun() {
    return engine.startInstanceByMessage(PROCESS, "supplier-payment-requested", ProcessTestEngine.uniqueId("run"), START);
  }

  private void statusReportOffered() {
    engine.mock("rpa:web.run-script:1")
        .thenComplete(Map.of("downloads", Map.of("statusReport", "downloads/pain002.xml"), "extracted", Map.of()));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> recordApproval(JobCall call) {
    Map<String, Object> job = call.variables();
    List<Object> recorded = new ArrayList<>(job.get("approvals") == null ? List.of() : (List<Object>) job.get("approvals"));
    recorded.add(Map.of("role", job.get("role"), "task", job.get("taskElementId"), "approved", job.get("approved")));
    return Map.of("approvals", recorded, "approvalCount", recorded.size(), "approved", job.get("approved"));
  }

  @Test
  void runAboveTheUpperLimitNeedsTwoApproversThenIsUploadedOnceAndRemitted() {
    statusReportOffered();
    ProcessInstance instance = requestRun();

    assertThat(instance).hasActiveUserTask("approve-run").hasCandidateGroups("payment-approvers").isUnassigned();
    assertThat(instance).hasVariable("tier", "dual");
    engine.completeUserTask(instance, "approve-run", Map.of("approved", true, "approvalComment", "checked"), "erik");
    assertThat(instance).hasActiveUserTask("approve-run-second").hasCandidateGroups("payment-approvers");
    engine.completeUserTask(instance, "approve-run-second", Map.of("approved", true, "approvalComment", "ok"), "sofia");

    assertThat(instance).isCompleted()
        .hasPassedElementsInOrder("start-requested", "read-open-invoices", "check-invoices", "prepare-run", "decide-tier", "approve-run",
            "record-approval", "approve-run-second", "record-second-approval", "write-pain001", "upload-payment-file",
            "fetch-status", "read-status", "record-payments", "write-run-report", "mail-remittances", "mail-run-report",
            "end-paid")
        .hasNotPassedElements("end-nothing", "on-status-overdue", "mail-bank-rejections", "end-declined")
        .hasVariable("approvalCount", 2)
        .hasNoIncidents();
    assertThat(check.calls()).as("the inbox file and the open item, each checked once").hasSize(2);
    assertThat(check.calls()).extracting(JobCall::variables)
        .anySatisfy(file -> assertThat(file).containsEntry("invoiceFile", "invoices/inbox/HM-2026-5531.xml")
            .containsEntry("invoice", null).containsEntry("supplierMaster", "master/suppliers.xlsx"))
        .anySatisfy(row -> assertThat(row).containsEntry("invoiceFile", "erp/open-items.csv#PS-88190")
            .containsEntry("invoice", OPEN_ITEM).containsEntry("supplierMaster", "master/suppliers.xlsx"));
    assertThat(upload.callCount()).as("the payment file reaches the bank once").isEqualTo(1);
    assertThat(upload.lastCall().variables()).containsEntry("paymentFile", "payments/RUN-49.pain001.xml")
        .containsEntry("messageId", "MSG-RUN-49");
    assertThat(mail.calls()).extracting(JobCall::elementId).containsExactly("mail-remittances", "mail-run-report");
    assertThat(mail.calls().get(0).variables()).containsEntry("to", "billing@hansa.example")
        .containsEntry("idempotencyKey", "MSG-RUN-49:remittance:RUN-49-1");
  }

  @Test
  void approverWhoBreaksTheFourEyesRuleIsSentBackToTheTaskWithTheReason() {
    statusReportOffered();
    approvals = engine.mock("rpa:payments.record-approval:1").thenThrowBpmnError("FOUR_EYES_VIOLATION", "the preparer cannot approve",
        Map.of("fourEyesViolation", "paula prepared run RUN-49 and cannot approve it"))
        .thenComplete(SupplierPaymentProcessTest::recordApproval);
    ProcessInstance instance = requestRun();
    engine.completeUserTask(instance, "approve-run", Map.of("approved", true, "approvalComment", "mine"), "paula");

    assertThat(instance).hasPassedElementsInOrder("approve-run", "on-approval-refused").hasActiveUserTask("approve-run");
    assertThat(instance).hasVariable("fourEyesMessage", "paula prepared run RUN-49 and cannot approve it")
        .hasNotPassedElements("approve-run-second");

    engine.completeUserTask(instance, "approve-run", Map.of("approved", true, "approvalComment", "checked"), "erik");
    engine.completeUserTask(instance, "approve-run-second", Map.of("approved", true, "approvalComment", "ok"), "sofia");
    assertThat(instance).isCompleted().hasPassedElements("end-paid").hasVariable("fourEyesMessage", null)
        .hasVariable("approvalCount", 2);
    assertThat(approvals.callCount()).isEqualTo(3);
  }

  @Test
  void statusReportStillMissingAfterTwoHoursIsEscalatedWithoutWaitingForIt() {
    Instant started = engine.now();
    long wallStart = System.nanoTime();
    ProcessInstance instance = requestRun();
    engine.completeUserTask(instance, "approve-run", Map.of("approved", true), "erik");
    engine.completeUserTask(instance, "approve-run-second", Map.of("approved", true), "sofia");

    // nothing answers the portal job yet: the bank has not offered its status report
    assertThat(instance).hasPassedElementsInOrder("upload-payment-file", "on-status-overdue", "mail-status-overdue",
        "end-status-escalated").hasActiveElements("fetch-status");
    assertThat(Duration.between(started, engine.now())).isEqualTo(Duration.ofHours(2));
    assertThat(Duration.ofNanos(System.nanoTime() - wallStart)).as("wall time for two hours of process time")
        .isLessThan(Duration.ofSeconds(30));
    assertThat(mail.lastCall().elementId()).isEqualTo("mail-status-overdue");
    assertThat(mail.lastCall().variables()).containsEntry("to", "ap@example.com")
        .containsEntry("values", Map.of("messageId", "MSG-RUN-49", "uploadId", "UP-7"));

    statusReportOffered();
    assertThat(instance).isCompleted().hasPassedElements("read-status", "end-paid");
  }

  @Test
  void fileTheBankRefusesIsReportedAndNothingIsPaid() {
    upload = engine.mock("rpa:payments.upload-payment-file:1").thenThrowBpmnError("PAYMENT_FILE_REFUSED", "schema error",
        Map.of("paymentFileRefusal", "The bank refused MSG-RUN-49: unknown debtor account"));
    ProcessInstance instance = requestRun();
    engine.completeUserTask(instance, "approve-run", Map.of("approved", true), "erik");
    engine.completeUserTask(instance, "approve-run-second", Map.of("approved", true), "sofia");

    assertThat(instance).isCompleted().hasPassedElementsInOrder("on-file-refused", "mail-file-refused", "end-file-refused")
        .hasNotPassedElements("fetch-status", "record-payments", "mail-remittances");
    assertThat(upload.callCount()).isEqualTo(1);
    assertThat(mail.lastCall().variables()).containsEntry("values", Map.of("messageId", "MSG-RUN-49", "runId", "RUN-49",
        "reason", "The bank refused MSG-RUN-49: unknown debtor account"));
  }

  @Test
  void uploadThatKeepsFailingFailsTheAssertionWithTheRunsRecordLog() {
    upload = engine.mock("rpa:payments.upload-payment-file:1").thenFail("The bank portal is unavailable (it shows its maintenance page)");
    ProcessInstance instance = requestRun();
    engine.completeUserTask(instance, "approve-run", Map.of("approved", true), "erik");
    engine.completeUserTask(instance, "approve-run-second", Map.of("approved", true), "sofia");

    assertThatThrownBy(() -> assertThat(instance).isCompleted())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected process instance " + instance.key() + " to be completed, but it is active at [upload-payment-file]")
        .hasMessageContaining("Record log of process instance " + instance.key())
        .hasMessageContaining("USER_TASK 'approve-run-second'")
        .hasMessageContaining("'rpa:payments.upload-payment-file:1' on 'upload-payment-file'")
        .hasMessageContaining("INCIDENT");
    assertThat(upload.callCount()).as("the model gives the upload 5 retries").isEqualTo(5);
  }
}
