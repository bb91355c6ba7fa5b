package dev.engranaje.workers.finance.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.engranaje.workers.api.BusinessError;
import dev.engranaje.workers.api.EngineQueries;
import dev.engranaje.workers.api.JobContext;
import dev.engranaje.workers.api.JobInfo;
import dev.engranaje.workers.api.TechnicalFailure;
import dev.engranaje.workers.finance.pain001.Pain001Version;
import dev.engranaje.workers.finance.payment.InvoiceCheck;
import dev.engranaje.workers.finance.payment.Reason;
import dev.engranaje.workers.finance.payment.RunFile;
import dev.engranaje.workers.finance.securexml.SecureXml;
import dev.engranaje.workers.ledger.SqliteIdempotencyLedger;
import dev.engranaje.workers.secrets.Redactor;
import dev.engranaje.workers.secrets.SecretResolver;
import dev.engranaje.workers.secrets.SecretSource;
import dev.engranaje.workers.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.xml.transform.stream.StreamSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The payment workers on a real workspace and idempotency ledger, with the engine's answers (who
 * completed a task, what the decision says) given by the test: the release refuses whatever the
 * decision log does not prove, whatever the variables say.
 */
class PaymentWorkersTest {
  private static final RunFile.Debtor DEBTOR = new RunFile.Debtor("Engranaje Demo GmbH", "DE89370400440532013000",
      "COBADEFFXXX");

  @TempDir Path dir;
  private SqliteIdempotencyLedger ledger;
  private Workspace workspace;
  private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  private final Map<String, EngineQueries.CompletedUserTask> completed = new HashMap<>();
  private String decidedTier = "single";
  private final AtomicLong jobKeys = new AtomicLong(100);

  /** The engine as this test sees it: the tasks it says were completed, the tier it says the decision gives. */
  private final EngineQueries engine = new EngineQueries() {
    @Override
    public Optional<CompletedUserTask> lastCompletedUserTask(long processInstanceKey, String elementId) {
      return Optional.ofNullable(completed.get(elementId));
    }

    @Override
    public Object evaluateDecision(String decisionId, Map<String, Object> variables) {
      assertThat(decisionId).isEqualTo("payment-approval-tier");
      return decidedTier;
    }
  };

  @BeforeEach
  void open() {
    ledger = SqliteIdempotencyLedger.open(dir.resolve("ledger.db"), Clock.systemUTC());
    workspace = new Workspace(dir.resolve("instance"), Map.of());
  }

  @AfterEach
  void close() {
    ledger.close();
  }

  private JobContext context(String jobType, long jobKey) {
    return new JobContext(new JobInfo(jobKey, jobType, 4711L, "supplier-payment", "task", 3, Map.of()), workspace,
        new SecretResolver(SecretSource.of(Map.of()), new Redactor()), ledger, json, Clock.systemUTC(), engine);
  }

  private JobContext context(String jobType) {
    return context(jobType, jobKeys.incrementAndGet());
  }

  private static InvoiceCheck check(String status, String number, String supplier, String iban, String amount) {
    List<Reason> reasons = status.equals(InvoiceCheck.HELD)
        ? List.of(new Reason(Reason.IBAN_CHANGED, "changed")) : List.of();
    return new InvoiceCheck(status, "inbox:" + number + ".xml", null, "ubl", number, supplier, supplier + " GmbH",
        "ap@" + supplier + ".example", null, iban, null, iban, amount, "EUR", "2026-11-01", "2026-12-01",
        "RF18 5390 0754 7034", reasons);
  }

  private PreparePaymentRunWorker.Result prepare(List<InvoiceCheck> checks) throws Exception {
    return new PreparePaymentRunWorker().handle(new PreparePaymentRunWorker.Input(checks, "paula", DEBTOR,
        "2099-02-01", "PAY-U", null), context("rpa:payments.prepare-run:1"));
  }

  private RecordApprovalWorker.Result decide(String role, String task, String user, boolean approved, String subject)
      throws Exception {
    completed.put(task, new EngineQueries.CompletedUserTask(jobKeys.incrementAndGet(), task, user,
        OffsetDateTime.parse("2099-01-30T10:15:00Z")));
    return new RecordApprovalWorker().handle(new RecordApprovalWorker.Input("payments/run-PAY-U.json", role, task,
        approved, "ok", null, null, subject), context("rpa:payments.record-approval:1"));
  }

  private WritePain001Worker.Result write(String tier, String version) throws Exception {
    return new WritePain001Worker().handle(new WritePain001Worker.Input("payments/run-PAY-U.json", null, tier, version,
        null), context("rpa:payments.write-pain001:1"));
  }

  @Test
  void shouldWriteASchemaValidVersion03FileWithTheStructuredReferenceOnceApproved() throws Exception {
    prepare(List.of(check("accepted", "A-1", "S1", "DE02120300000000202051", "1500.00")));
    decide("approval", "approve", "alice", true, null);

    WritePain001Worker.Result result = write("single", "001.001.03");

    Path file = workspace.directory().resolve(result.paymentFile());
    SecureXml.validator(SecureXml.schema(Pain001Version.V03.schemaResource())).validate(new StreamSource(file.toFile()));
    assertThat(Files.readString(file)).contains("pain.001.001.03", "<ReqdExctnDt>2099-02-01</ReqdExctnDt>",
        "<Ref>RF18539007547034</Ref>", "<CtrlSum>1500.00</CtrlSum>");
    assertThat(result).extracting(WritePain001Worker.Result::messageId, WritePain001Worker.Result::controlSum,
        WritePain001Worker.Result::transactionCount).containsExactly("PAY-U", "1500.00", 1);
  }

  @Test
  void shouldRefuseWhenTheDecisionIsStricterThanTheTierVariable() throws Exception {
    prepare(List.of(check("accepted", "A-1", "S1", "DE02120300000000202051", "1500.00")));
    decide("approval", "approve", "alice", true, null);
    decidedTier = "dual";

    assertThatThrownBy(() -> write("single", null)).isInstanceOf(BusinessError.class)
        .hasMessageContaining("Expected 2 different approver(s)").hasMessageContaining("tier dual")
        .hasMessageContaining("has 1 ([alice])")
        .satisfies(e -> assertThat(((BusinessError) e).code()).isEqualTo("APPROVAL_MISSING"));
  }

  @Test
  void shouldRefuseWhenThePaymentsChangedAfterTheApproval() throws Exception {
    prepare(List.of(check("accepted", "A-1", "S1", "DE02120300000000202051", "1500.00")));
    decide("approval", "approve", "alice", true, null);
    Path run = workspace.directory().resolve("payments/run-PAY-U.json");
    Files.writeString(run, Files.readString(run).replace("DE02120300000000202051", "DE75512108001245126199"));

    assertThatThrownBy(() -> write("single", null)).isInstanceOf(BusinessError.class)
        .hasMessageContaining("its payments changed after preparation");
    assertThat(workspace.directory().resolve("payments/pain001-PAY-U.xml")).doesNotExist();
  }

  @Test
  void shouldLeaveADeclinedHeldPaymentOutAndPayTheRest() throws Exception {
    prepare(List.of(check("accepted", "A-1", "S1", "DE02120300000000202051", "1500.00"),
        check("held", "H-9", "S2", "DE75512108001245126199", "300.00")));
    decide("approval", "approve", "alice", true, null);
    RecordApprovalWorker.Result verification = decide("verification", "verify", "victor", false, "H-9");

    WritePain001Worker.Result result = write("single", null);

    assertThat(verification.approved()).isFalse();
    assertThat(result.heldBack()).containsExactly("H-9");
    assertThat(result.transactionCount()).isEqualTo(1);
    assertThat(Files.readString(workspace.directory().resolve(result.paymentFile())))
        .doesNotContain("DE75512108001245126199");
  }

  @Test
  void shouldRefuseAVerificationByThePreparer() throws Exception {
    prepare(List.of(check("held", "H-9", "S2", "DE75512108001245126199", "300.00")));

    assertThatThrownBy(() -> decide("verification", "verify", "PAULA", true, "H-9"))
        .isInstanceOf(BusinessError.class).hasMessageContaining("'PAULA' prepared the run");
    decidedTier = "auto";
    assertThatThrownBy(() -> write("auto", null)).isInstanceOf(BusinessError.class)
        .satisfies(e -> assertThat(((BusinessError) e).code()).isEqualTo("NOTHING_TO_PAY"))
        .hasMessageContaining("every payment is held back: [H-9]");
  }

  @Test
  void shouldRecordADecisionOnceWhenItsJobIsDeliveredAgain() throws Exception {
    prepare(List.of(check("accepted", "A-1", "S1", "DE02120300000000202051", "1500.00")));
    completed.put("approve", new EngineQueries.CompletedUserTask(7L, "approve", "alice",
        OffsetDateTime.parse("2099-01-30T10:15:00Z")));
    RecordApprovalWorker.Input input = new RecordApprovalWorker.Input("payments/run-PAY-U.json", "approval", "approve",
        true, null, "paula", null, null);

    new RecordApprovalWorker().handle(input, context("rpa:payments.record-approval:1", 55));
    RecordApprovalWorker.Result again = new RecordApprovalWorker().handle(input,
        context("rpa:payments.record-approval:1", 55));

    assertThat(again.approvalCount()).isEqualTo(1);
    assertThat(Files.readAllLines(workspace.directory().resolve("payments/decisions.jsonl"))).hasSize(1);
  }

  @Test
  void shouldRefuseTheSameTaskCompletionRecordedByASecondJob() throws Exception {
    prepare(List.of(check("accepted", "A-1", "S1", "DE02120300000000202051", "1500.00")));
    completed.put("approve", new EngineQueries.CompletedUserTask(7L, "approve", "alice",
        OffsetDateTime.parse("2099-01-30T10:15:00Z")));
    RecordApprovalWorker.Input input = new RecordApprovalWorker.Input("payments/run-PAY-U.json", "approval", "approve",
        true, null, null, null, null);
    new RecordApprovalWorker().handle(input, context("rpa:payments.record-approval:1"));

    assertThatThrownBy(() -> new RecordApprovalWorker().handle(input, context("rpa:payments.record-approval:1")))
        .isInstanceOf(BusinessError.class).hasMessageContaining("its completion (key 7) was recorded already");
  }

  @Test
  void shouldRefuseAPreparerVariableThatIsNotTheRunsPreparer() throws Exception {
    prepare(List.of(check("accepted", "A-1", "S1", "DE02120300000000202051", "1500.00")));

    assertThatThrownBy(() -> new RecordApprovalWorker().handle(new RecordApprovalWorker.Input(
        "payments/run-PAY-U.json", "approval", "approve", true, null, "mallory", null, null),
        context("rpa:payments.record-approval:1"))).isInstanceOf(TechnicalFailure.class)
        .hasMessageContaining("('paula'), but it is 'mallory'");
  }

  @Test
  void shouldAppendThePaidInvoicesToTheHistoryOncePerRun() throws Exception {
    prepare(List.of(check("accepted", "A-1", "S1", "DE02120300000000202051", "1500.00"),
        check("accepted", "B-2", "S2", "DE89370400440532013000", "20.00")));
    decide("approval", "approve", "alice", true, null);
    write("single", null);
    RecordPaymentsWorker.Input input = new RecordPaymentsWorker.Input("payments/run-PAY-U.json",
        List.of(Map.of("endToEndId", "PAY-U-002")), "history/paid.jsonl");

    RecordPaymentsWorker.Result first = new RecordPaymentsWorker().handle(input, context("rpa:payments.record-payments:1"));
    RecordPaymentsWorker.Result second = new RecordPaymentsWorker().handle(input, context("rpa:payments.record-payments:1"));

    assertThat(first.paidCount()).isEqualTo(1);
    assertThat(second.paidCount()).isEqualTo(1);
    List<String> history = Files.readAllLines(workspace.directory().resolve("history/paid.jsonl"));
    assertThat(history).singleElement().asString().contains("\"invoiceNumber\":\"A-1\"", "\"normalisedNumber\":\"A1\"");
  }

  @Test
  void shouldTakeTheInvalidStatusPathNamingFileAndPosition() throws Exception {
    prepare(List.of(check("accepted", "A-1", "S1", "DE02120300000000202051", "1500.00")));
    decide("approval", "approve", "alice", true, null);
    write("single", null);
    Files.writeString(workspace.directory().resolve("status.xml"), "<?xml version=\"1.0\"?>\n<Document xmlns=\"urn:"
        + "iso:std:iso:20022:tech:xsd:pain.002.001.10\"><CstmrPmtStsRpt>");

    assertThatThrownBy(() -> new ReadPaymentStatusWorker().handle(new ReadPaymentStatusWorker.Input("status.xml",
        "payments/run-PAY-U.json"), context("rpa:payments.read-status:1"))).isInstanceOf(BusinessError.class)
        .hasMessageContaining("status.xml").hasMessageContaining("line 2")
        .satisfies(e -> assertThat(((BusinessError) e).code()).isEqualTo("STATUS_INVALID"));
  }

  @Test
  void shouldRejectTheSecondOfTwoInvoicesWithTheSameNumberInOneBatch() throws Exception {
    PreparePaymentRunWorker.Result result = prepare(List.of(
        check("accepted", "INV-0042", "S1", "DE02120300000000202051", "100.00"),
        check("accepted", "inv 42", "S1", "DE02120300000000202051", "250.00")));

    assertThat(result.payable()).extracting(PreparePaymentRunWorker.Payable::invoiceNumber).containsExactly("INV-0042");
    assertThat(result.rejectedInvoices()).singleElement().satisfies(c -> {
      assertThat(c.status()).isEqualTo("rejected");
      assertThat(c.reasonText()).contains("DUPLICATE", "Also in this run", "'INV42'");
    });
    assertThat(result.run().total()).isEqualTo("100.00");
  }
}
