package dev.engranaje.workers.finance.process;

import static dev.engranaje.test.ProcessAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.engranaje.test.ProcessInstance;
import dev.engranaje.test.ProcessTest;
import dev.engranaje.test.ProcessTestEngine;
import dev.engranaje.workers.finance.pain001.Pain001Version;
import dev.engranaje.workers.finance.payment.PaymentFixtures;
import dev.engranaje.workers.finance.securexml.SecureXml;
import dev.engranaje.workers.ledger.SqliteIdempotencyLedger;
import dev.engranaje.workers.runtime.WorkerRuntime;
import dev.engranaje.workers.secrets.SecretSource;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.builder.AbstractFlowNodeBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.transform.stream.StreamSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The payment workers served by the WorkerRuntime against the embedded engine, driven through the
 * official client as people would: invoices checked in a multi-instance, a run prepared, the tier
 * from the deployed {@code payment-approval.dmn}, approval and verification user tasks assigned and
 * completed by named users, each followed by record-approval, then the pain.001 written. The four-eyes
 * rules are tried the way someone would try to get around them: the preparer approving, one person
 * approving twice, a task completed with no assignee, and a tier variable set to skip approval.
 */
@ProcessTest
class PaymentWorkersEndToEndTest {
  private static final Path DECISION = Path.of("..", "bpmn", "decisions", "payment-approval.dmn");
  private static final Map<String, Object> DEBTOR = Map.of("name", "Engranaje Demo GmbH", "iban",
      "DE89370400440532013000", "bic", "COBADEFFXXX");

  @TempDir Path dir;
  ProcessTestEngine engine;
  private CamundaClient client;
  private SqliteIdempotencyLedger ledger;
  private WorkerRuntime runtime;
  private Path inbox;

  @BeforeEach
  void start() throws Exception {
    client = engine.client();
    ledger = SqliteIdempotencyLedger.open(dir.resolve("ledger.db"), Clock.systemUTC());
    inbox = Files.createDirectories(dir.resolve("inbox"));
    runtime = WorkerRuntime.builder(client).ledger(ledger).workspaceRoot(dir.resolve("ws")).area("inbox", inbox)
        .secrets(SecretSource.of(Map.of())).worker(new CheckInvoiceWorker()).worker(new PreparePaymentRunWorker())
        .worker(new RecordApprovalWorker()).worker(new WritePain001Worker()).worker(new ReadPaymentStatusWorker())
        .worker(new RecordPaymentsWorker()).worker(new WritePaymentRunReportWorker()).build();
    for (String type : runtime.jobTypes()) {
      engine.worker(type, runtime.handler(type));
    }
    engine.deploy(DECISION);
  }

  @AfterEach
  void stop() {
    runtime.close();
    ledger.close();
  }

  // --- the model ------------------------------------------------------------------------------------------

  private static final String RECORD = "rpa:payments.record-approval:1";

  /** check (MI) → prepare → tier (DMN) → approval task(s) + record-approval (loop on violation) → verify held → write. */
  private static BpmnModelInstance process(String processId, int approvalTasks, boolean verifyHeld, boolean checkFiles) {
    return process(processId, approvalTasks, verifyHeld, checkFiles, false);
  }

  private static BpmnModelInstance process(String processId, int approvalTasks, boolean verifyHeld, boolean checkFiles,
      boolean bank) {
    var flow = Bpmn.createExecutableProcess(processId).startEvent();
    AbstractFlowNodeBuilder<?, ?> node = flow;
    if (checkFiles) {
      node = flow.serviceTask("check", t -> t.zeebeJobType("rpa:payments.check-invoice:1")
          .multiInstance(m -> m.parallel().zeebeInputCollectionExpression("invoiceFiles").zeebeInputElement("invoiceFile")
              .zeebeOutputCollection("checks").zeebeOutputElementExpression("check")));
    }
    node = node.serviceTask("prepare", t -> t.zeebeJobType("rpa:payments.prepare-run:1"))
        .businessRuleTask("tier", b -> b.zeebeCalledDecisionId("payment-approval-tier").zeebeResultVariable("tier")
            .zeebeInputExpression("number(run.total)", "amount"));
    for (int i = 1; i <= approvalTasks; i++) {
      String task = "approve" + i;
      node = node.userTask(task, u -> u.zeebeUserTask())
          .serviceTask("record" + i, t -> t.zeebeJobType(RECORD).zeebeInput("=run.runRef", "runRef")
              .zeebeInput("approval", "role").zeebeInput(task, "taskElementId").zeebeInput("=preparer", "preparer"))
          .boundaryEvent("violation" + i, b -> b.error("FOUR_EYES_VIOLATION")).connectTo(task)
          .moveToActivity("record" + i);
    }
    if (verifyHeld) {
      node = node.userTask("verify", u -> u.zeebeUserTask())
          .serviceTask("recordVerification", t -> t.zeebeJobType(RECORD).zeebeInput("=run.runRef", "runRef")
              .zeebeInput("verification", "role").zeebeInput("verify", "taskElementId")
              .zeebeInput("=heldPayments[1].invoiceNumber", "subject"))
          .boundaryEvent("verificationViolation", b -> b.error("FOUR_EYES_VIOLATION")).connectTo("verify")
          .moveToActivity("recordVerification");
    }
    node = node.serviceTask("write", t -> t.zeebeJobType("rpa:payments.write-pain001:1")
            .zeebeInput("=run.runRef", "runRef"))
        .boundaryEvent("missing", b -> b.error("APPROVAL_MISSING"))
        .endEvent("refused")
        .moveToActivity("write");
    if (bank) {
      // the upload and the status download are paydemo's; the test plays the bank with a file
      node = node.serviceTask("bank", t -> t.zeebeJobType("test:bank"))
          .serviceTask("status", t -> t.zeebeJobType("rpa:payments.read-status:1").zeebeInput("=run.runRef", "runRef"))
          .serviceTask("paid", t -> t.zeebeJobType("rpa:payments.record-payments:1").zeebeInput("=run.runRef", "runRef"))
          .serviceTask("paidAgain", t -> t.zeebeJobType("rpa:payments.record-payments:1")
              .zeebeInput("=run.runRef", "runRef").zeebeOutputExpression("paidCount", "paidCountAgain"))
          .serviceTask("report", t -> t.zeebeJobType("rpa:payments.write-run-report:1")
              .zeebeInput("=run.runRef", "runRef"));
    }
    return node.endEvent("paymentFileWritten").done();
  }

  /** A pain.002 answering run {@code messageId}: batch 1 accepted, {@code rejectedId} rejected AC04. */
  static String pain002(String messageId, String rejectedId) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.10">
          <CstmrPmtStsRpt>
            <GrpHdr><MsgId>STS-%1$s</MsgId><CreDtTm>2099-01-05T08:00:00Z</CreDtTm></GrpHdr>
            <OrgnlGrpInfAndSts>
              <OrgnlMsgId>%1$s</OrgnlMsgId><OrgnlMsgNmId>pain.001.001.09</OrgnlMsgNmId><GrpSts>PART</GrpSts>
            </OrgnlGrpInfAndSts>
            <OrgnlPmtInfAndSts>
              <OrgnlPmtInfId>%1$s/1</OrgnlPmtInfId><PmtInfSts>ACCP</PmtInfSts>
              <TxInfAndSts>
                <OrgnlEndToEndId>%2$s</OrgnlEndToEndId><TxSts>RJCT</TxSts>
                <StsRsnInf><Rsn><Cd>AC04</Cd></Rsn><AddtlInf>Account closed</AddtlInf></StsRsnInf>
              </TxInfAndSts>
            </OrgnlPmtInfAndSts>
          </CstmrPmtStsRpt>
        </Document>
        """.formatted(messageId, rejectedId);
  }

  // --- people at work -------------------------------------------------------------------------------------

  /** A run of one 2,500.00 payment (tier single) prepared by paula, waiting for its approval task. */
  private ProcessInstance singleApprovalRun(String runId) {
    String processId = ProcessTestEngine.uniqueId("payments");
    engine.deploy(process(processId, 1, false, false));
    return engine.startInstance(processId, Map.of("checks",
        List.of(check("A-1", "S1", "Alpha AG", "DE89370400440532013000", "2500.00")),
        "preparer", "paula", "debtor", DEBTOR, "runId", runId));
  }

  /** Has {@code user} claim the open task (null: nobody) and complete it with the decision. */
  private void decide(ProcessInstance instance, String elementId, String user, boolean approved, String comment) {
    engine.completeUserTask(instance, elementId, Map.of("approved", approved, "comment", comment), user);
  }

  /** The variables of a run that reached its end with the payment file written. */
  private Map<String, Object> variablesAtTheEnd(ProcessInstance instance) {
    assertThat(instance).isCompleted().hasPassedElements("paymentFileWritten");
    return assertThat(instance).variables();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Map<String, Object> variables, String name) {
    return (List<Map<String, Object>>) variables.get(name);
  }

  private Path workspace(ProcessInstance instance) {
    return dir.resolve("ws").resolve(Long.toString(instance.key()));
  }

  private List<Map<String, Object>> decisions(ProcessInstance instance) throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<Map<String, Object>> lines = new ArrayList<>();
    for (String line : Files.readAllLines(workspace(instance).resolve("payments/decisions.jsonl"))) {
      @SuppressWarnings("unchecked")
      Map<String, Object> decision = json.readValue(line, Map.class);
      lines.add(decision);
    }
    return lines;
  }

  private static Map<String, Object> check(String number, String supplierId, String name, String iban,
      String amount) {
    Map<String, Object> check = new LinkedHashMap<>();
    check.put("status", "accepted");
    check.put("invoiceFile", "inbox:" + number + ".xml");
    check.put("invoiceNumber", number);
    check.put("supplierId", supplierId);
    check.put("supplierName", name);
    check.put("supplierEmail", "ap@" + supplierId + ".example");
    check.put("iban", iban);
    check.put("masterIban", iban);
    check.put("amount", amount);
    check.put("currency", "EUR");
    check.put("issueDate", "2026-11-20");
    check.put("dueDate", "2026-12-20");
    check.put("reasons", List.of());
    return check;
  }

  // --- the tests ------------------------------------------------------------------------------------------

  @Test
  void shouldPayTheCheckedInvoicesOnceADifferentPersonApprovedAndVerifiedTheChangedIban() throws Exception {
    PaymentFixtures.copy(inbox, PaymentFixtures.UBL, PaymentFixtures.FACTUR_X, PaymentFixtures.ALPHABET,
        PaymentFixtures.WECLAPP, PaymentFixtures.CHANGED_IBAN, PaymentFixtures.BROKEN_TOTALS);
    Files.write(inbox.resolve("scan.pdf"), PaymentFixtures.plainPdf("Invoice 77 total 119.00 EUR"));
    PaymentFixtures.masterCsv(inbox.resolve("suppliers.csv"));
    String processId = ProcessTestEngine.uniqueId("payments");
    engine.deploy(process(processId, 1, true, true, true));
    List<String> files = new ArrayList<>(List.of(PaymentFixtures.UBL, PaymentFixtures.FACTUR_X, PaymentFixtures.ALPHABET,
        PaymentFixtures.WECLAPP, PaymentFixtures.CHANGED_IBAN, PaymentFixtures.BROKEN_TOTALS, "scan.pdf"));
    files.replaceAll(name -> "inbox:" + name);

    // the bank: paydemo uploads the file and downloads the status; here a pain.002 in the workspace
    engine.mock("test:bank").thenComplete(call -> {
      try {
        Files.writeString(dir.resolve("ws").resolve(Long.toString(call.processInstanceKey())).resolve("payments/status.xml"),
            pain002("PAY-T1", "PAY-T1-002"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return Map.of("statusFile", "payments/status.xml");
    });

    ProcessInstance instance = engine.startInstance(processId, Map.of("invoiceFiles", files, "supplierMaster",
        "inbox:suppliers.csv", "preparer", "paula", "debtor", DEBTOR, "executionDate", "2099-01-05",
        "runId", "PAY-T1", "paymentHistory", "inbox:history.jsonl"));

    // the preparer tries first: refused, recorded, and the task comes back
    decide(instance, "approve1", "paula", true, "my own run");
    decide(instance, "approve1", "alice", true, "checked against the invoices");
    decide(instance, "verify", "victor", true, "called the supplier on the number we know");
    Map<String, Object> variables = variablesAtTheEnd(instance);

    // the outcome of each invoice
    @SuppressWarnings("unchecked")
    Map<String, Object> run = (Map<String, Object>) variables.get("run");
    assertThat(run).containsEntry("runId", "PAY-T1").containsEntry("runRef", "payments/run-PAY-T1.json")
        .containsEntry("preparer", "paula").containsEntry("currency", "EUR").containsEntry("paymentCount", 4)
        .containsEntry("total", "2842.57").containsEntry("largestAmount", "1012.69");
    assertThat(variables).containsEntry("tier", "single");
    assertThat(list(variables, "payable")).extracting(m -> m.get("invoiceNumber"))
        .containsExactly("471102", "2015776085", "RE1001");
    assertThat(list(variables, "heldPayments")).extracting(m -> m.get("invoiceNumber"))
        .containsExactly("123456XX");
    assertThat(list(variables, "manualInvoices")).extracting(m -> m.get("format"))
        .containsExactly("pdf");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> rejected = (List<Map<String, Object>>) variables.get("rejectedInvoices");
    assertThat(rejected).extracting(r -> r.get("invoiceFile"))
        .containsExactlyInAnyOrder("inbox:" + PaymentFixtures.FACTUR_X, "inbox:" + PaymentFixtures.BROKEN_TOTALS);
    assertThat(rejected.toString()).contains("DUPLICATE", "Also in this run", "EN16931", "BR-CO-16");

    // the approvals as recorded, the preparer's attempt among the decisions but not counted
    assertThat(variables).containsEntry("approvalCount", 1).containsEntry("approved", true);
    assertThat(list(variables, "approvals")).extracting(m -> m.get("user"))
        .containsExactly("alice", "victor");
    List<Map<String, Object>> decisions = decisions(instance);
    assertThat(decisions).extracting(d -> d.get("user"), d -> d.get("role"), d -> d.get("counted"))
        .containsExactly(org.assertj.core.groups.Tuple.tuple("paula", "approval", false),
            org.assertj.core.groups.Tuple.tuple("alice", "approval", true),
            org.assertj.core.groups.Tuple.tuple("victor", "verification", true),
            org.assertj.core.groups.Tuple.tuple(null, "release", true));
    assertThat(decisions.get(0).get("refusal").toString()).contains("'paula' prepared the run");
    assertThat(decisions.get(1)).containsEntry("amount", "2842.57").containsEntry("comment",
        "checked against the invoices");
    assertThat(decisions.get(2)).containsEntry("subject", "123456XX").containsEntry("amount", "336.90");

    // the file: every payment, the verified one included, valid against the official schema
    assertThat(variables).containsEntry("messageId", "PAY-T1").containsEntry("controlSum", "2842.57")
        .containsEntry("transactionCount", 4).containsEntry("heldBack", List.of())
        .containsEntry("paymentFile", "payments/pain001-PAY-T1.xml");
    Path pain001 = workspace(instance).resolve("payments/pain001-PAY-T1.xml");
    SecureXml.validator(SecureXml.schema(Pain001Version.V09.schemaResource())).validate(new StreamSource(pain001.toFile()));
    assertThat(Files.readString(pain001)).contains("<EndToEndId>PAY-T1-004</EndToEndId>", "DE75512108001245126199",
        "<Dt>2099-01-05</Dt>", "<Ustrd>Invoice 471102</Ustrd>");

    // the bank's answer matched back, the paid invoices in the history once, the report
    assertThat(variables).containsEntry("statusSummary", Map.of("accepted", 3, "rejected", 1, "pending", 0));
    assertThat(list(variables, "bankRejected")).singleElement().satisfies(r -> assertThat(r)
        .containsEntry("endToEndId", "PAY-T1-002").containsEntry("invoiceNumber", "2015776085")
        .containsEntry("supplierEmail", "billing@alphabet.example").containsEntry("amount", "1012.69")
        .containsEntry("reasonCode", "AC04").containsEntry("reasonText", "Account closed"));
    assertThat(list(variables, "bankAccepted")).extracting(m -> m.get("endToEndId"))
        .containsExactly("PAY-T1-001", "PAY-T1-003", "PAY-T1-004");
    assertThat(variables).containsEntry("paidCount", 3).containsEntry("paidCountAgain", 3);
    List<String> history = Files.readAllLines(inbox.resolve("history.jsonl"));
    assertThat(history).hasSize(3);
    assertThat(history.get(0)).contains("\"invoiceNumber\":\"471102\"", "\"supplierId\":\"00042\"",
        "\"amount\":\"529.87\"", "\"runId\":\"PAY-T1\"");
    assertThat(variables).containsEntry("reportFile", "payments/run-PAY-T1-report.xlsx");
    try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
        workspace(instance).resolve("payments/run-PAY-T1-report.xlsx").toFile())) {
      assertThat(java.util.stream.IntStream.range(0, workbook.getNumberOfSheets()).mapToObj(workbook::getSheetName))
          .containsExactly("Summary", "Payments", "Rejected", "Held", "Manual", "Approvals", "Bank status");
      var approvals = workbook.getSheet("Approvals");
      assertThat(approvals.getLastRowNum()).isEqualTo(4);
      assertThat(approvals.getRow(1).getCell(1).getStringCellValue()).isEqualTo("paula");
      assertThat(approvals.getRow(1).getCell(8).getStringCellValue()).isEqualTo("no");
      assertThat(approvals.getRow(2).getCell(1).getStringCellValue()).isEqualTo("alice");
      assertThat(approvals.getRow(2).getCell(5).getNumericCellValue()).isEqualTo(2842.57);
      var held = workbook.getSheet("Held");
      assertThat(held.getRow(1).getCell(6).getStringCellValue()).isEqualTo("victor");
      assertThat(held.getRow(1).getCell(7).getStringCellValue()).isEqualTo("confirmed");
      var status = workbook.getSheet("Bank status");
      assertThat(status.getRow(2).getCell(6).getStringCellValue()).isEqualTo("AC04");
    }

    // the next run finds the paid invoice in the history
    ProcessInstance next = engine.startInstance(processId, Map.of("invoiceFiles", List.of("inbox:" + PaymentFixtures.UBL),
        "supplierMaster", "inbox:suppliers.csv", "preparer", "paula", "debtor", DEBTOR, "runId", "PAY-T1B",
        "paymentHistory", "inbox:history.jsonl"));
    assertThat(next).hasPassedElements("prepare");
    assertThat(Files.readString(workspace(next).resolve("payments/run-PAY-T1B.json")))
        .contains("Already paid: it has the number of invoice 471102 paid in run PAY-T1");
  }

  @Test
  void shouldRefuseTheSecondApprovalOfTheSamePersonWhenTwoAreRequired() throws Exception {
    String processId = ProcessTestEngine.uniqueId("payments");
    engine.deploy(process(processId, 2, false, false));
    ProcessInstance instance = engine.startInstance(processId, Map.of("checks",
        List.of(check("A-1", "S1", "Alpha AG", "DE89370400440532013000", "7000.00"),
            check("B-2", "S2", "Beta KG", "DE02120300000000202051", "5000.50")),
        "preparer", "paula", "debtor", DEBTOR, "runId", "PAY-T2"));

    decide(instance, "approve1", "alice", true, "first");
    decide(instance, "approve2", "Alice ", true, "second, by the same person");
    decide(instance, "approve2", "bob", true, "second approver");
    Map<String, Object> variables = variablesAtTheEnd(instance);

    assertThat(variables).containsEntry("tier", "dual").containsEntry("approvalCount", 2)
        .containsEntry("controlSum", "12000.50").containsEntry("transactionCount", 2);
    List<Map<String, Object>> decisions = decisions(instance);
    assertThat(decisions).extracting(d -> d.get("user")).containsExactly("alice", "Alice ", "bob", null);
    assertThat(decisions.get(1)).containsEntry("counted", false);
    assertThat(decisions.get(1).get("refusal").toString()).contains("'Alice ' approved it already",
        "each approver counts once");
  }

  @Test
  void shouldRefuseADecisionFromATaskCompletedWithoutAssignee() throws Exception {
    ProcessInstance instance = singleApprovalRun("PAY-T3");

    decide(instance, "approve1", null, true, "nobody claimed this");
    decide(instance, "approve1", "alice", true, "claimed, then approved");
    Map<String, Object> variables = variablesAtTheEnd(instance);

    assertThat(variables).containsEntry("approvalCount", 1).containsEntry("transactionCount", 1);
    List<Map<String, Object>> decisions = decisions(instance);
    assertThat(decisions.get(0)).containsEntry("counted", false).containsEntry("user", null);
    assertThat(decisions.get(0).get("refusal").toString()).contains("had no assignee");
  }

  @Test
  void shouldGiveTheTierOfTheDocumentedLimitsWhenTheDecisionIsEvaluated() {
    Map<String, String> tiers = new LinkedHashMap<>();
    for (String amount : List.of("0.01", "999.99", "1000.00", "10000.00", "10000.01", "250000.00")) {
      String output = client.newEvaluateDecisionCommand().decisionId("payment-approval-tier")
          .variables(Map.of("amount", new java.math.BigDecimal(amount))).send().join().getDecisionOutput();
      tiers.put(amount, output);
    }

    assertThat(tiers).containsExactly(Map.entry("0.01", "\"auto\""), Map.entry("999.99", "\"auto\""),
        Map.entry("1000.00", "\"single\""), Map.entry("10000.00", "\"single\""), Map.entry("10000.01", "\"dual\""),
        Map.entry("250000.00", "\"dual\""));
  }

  @Test
  void shouldTakeTheAssigneeAtCompletionWhenTheTaskWasReassignedThroughTheApi() throws Exception {
    ProcessInstance instance = singleApprovalRun("PAY-T5");
    long key = assertThat(instance).hasActiveUserTask("approve1").key();

    // assigned to alice, then, through the API, to the preparer, who completes it
    client.newAssignUserTaskCommand(key).assignee("alice").send().join();
    client.newAssignUserTaskCommand(key).assignee("paula").allowOverride(true).send().join();
    client.newCompleteUserTaskCommand(key).variables(Map.of("approved", true)).send().join();
    engine.awaitIdle();
    decide(instance, "approve1", "bob", true, "approved");
    Map<String, Object> variables = variablesAtTheEnd(instance);

    List<Map<String, Object>> decisions = decisions(instance);
    assertThat(decisions).extracting(d -> d.get("user"), d -> d.get("counted"))
        .startsWith(org.assertj.core.groups.Tuple.tuple("paula", false), org.assertj.core.groups.Tuple.tuple("bob", true));
    assertThat(variables).containsEntry("approvalCount", 1).containsEntry("transactionCount", 1);
  }

  @Test
  void shouldRefuseToWriteTheFileWhenTheTierVariableWasSetToSkipTheApproval() throws Exception {
    String processId = ProcessTestEngine.uniqueId("payments");
    // no approval task at all, and a tier variable that claims none is needed
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("prepare", t -> t.zeebeJobType("rpa:payments.prepare-run:1"))
        .serviceTask("write", t -> t.zeebeJobType("rpa:payments.write-pain001:1").zeebeInput("=run.runRef", "runRef")
            .zeebeInput("auto", "tier"))
        .boundaryEvent("missing", b -> b.error("APPROVAL_MISSING").zeebeOutputExpression("approvalMissing", "why"))
        .endEvent("refused")
        .moveToActivity("write").endEvent("paymentFileWritten").done());
    ProcessInstance instance = engine.startInstance(processId, Map.of("checks",
        List.of(check("A-1", "S1", "Alpha AG", "DE89370400440532013000", "2500.00")),
        "preparer", "paula", "debtor", DEBTOR, "runId", "PAY-T4"));

    assertThat(instance).isCompleted().hasPassedElementsInOrder("missing", "refused").hasNotPassedElements("paymentFileWritten");
    assertThat(assertThat(instance).variables().get("why").toString())
        .contains("Expected 1 different approver(s) other than the preparer 'paula' for run PAY-T4", "tier single",
            "has 0");
    assertThat(workspace(instance).resolve("payments/pain001-PAY-T4.xml")).doesNotExist();
  }
}
