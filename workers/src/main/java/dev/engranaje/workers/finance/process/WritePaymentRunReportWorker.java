package dev.engranaje.workers.finance.process;

import dev.engranaje.workers.api.JobContext;
import dev.engranaje.workers.api.JobType;
import dev.engranaje.workers.api.JobWorker;
import dev.engranaje.workers.finance.payment.Decision;
import dev.engranaje.workers.finance.payment.DecisionLog;
import dev.engranaje.workers.finance.payment.InvoiceCheck;
import dev.engranaje.workers.finance.payment.RunFile;
import dev.engranaje.workers.finance.report.ReportWorkbook;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code rpa:payments.write-run-report:1}: the run's report for the auditor as xlsx ({@link ReportWorkbook}):
 * Summary, Payments (each with whether it was released and what the bank said), Rejected, Held (with who
 * verified the new bank details), Manual, Approvals (every decision of the decision log: who, when, role,
 * what, on which amount, counted or why not) and Bank status. Amounts are number cells that read back
 * exactly; supplier text that looks like a formula is quoted. Thread-safe (stateless).
 */
@JobType("rpa:payments.write-run-report:1")
public final class WritePaymentRunReportWorker
    implements JobWorker<WritePaymentRunReportWorker.Input, WritePaymentRunReportWorker.Result> {
  static final List<String> PAYMENT_COLUMNS = List.of("End-to-end id", "Invoice", "Supplier id", "Supplier", "IBAN",
      "BIC", "Amount", "Currency", "Due date", "Execution date", "Held", "In file", "Bank status");
  static final List<String> CHECK_COLUMNS = List.of("Invoice file", "Invoice", "Supplier id", "Supplier", "Amount",
      "Currency", "Reasons");
  static final List<String> HELD_COLUMNS = List.of("Invoice", "Supplier id", "Supplier", "Invoice IBAN",
      "Master IBAN", "Amount", "Verified by", "Verification", "At");
  static final List<String> DECISION_COLUMNS = List.of("At", "User", "Role", "Decision", "Subject", "Amount",
      "Currency", "Payments", "Counted", "Why not counted", "Comment", "User task", "Recorded at");
  static final List<String> STATUS_COLUMNS = List.of("End-to-end id", "Invoice", "Supplier", "Amount", "Outcome",
      "Status code", "Reason code", "Reason text");

  /**
   * @param runRef the run file
   * @param output where to write the report, default {@code payments/run-<runId>-report.xlsx}
   */
  public record Input(String runRef, String output) {}

  /** @param reportFile the report (workspace reference) */
  public record Result(String reportFile) {}

  @Override
  public Class<Input> inputType() {
    return Input.class;
  }

  @Override
  public Result handle(Input input, JobContext context) throws Exception {
    String runRef = CheckInvoiceWorker.required(input.runRef(), "runRef", "the run file, from run.runRef");
    RunFile run = RunFile.read(context.workspace().resolve(runRef), runRef, context.json());
    List<Decision> decisions = DecisionLog.read(context.workspace().resolve(DecisionLog.REFERENCE), run.runId(),
        context.json());
    String reference = input.output() == null || input.output().isBlank()
        ? "payments/run-" + run.runId() + "-report.xlsx" : input.output();
    Path target = context.workspace().resolveForWriting(reference);
    ReportWorkbook.write(target, 2, workbook -> fill(workbook, run, decisions));
    return new Result(context.workspace().reference(target));
  }

  private static void fill(ReportWorkbook workbook, RunFile run, List<Decision> decisions) {
    Map<String, RunFile.BankStatus> status = run.bankStatus().stream()
        .collect(Collectors.toMap(RunFile.BankStatus::endToEndId, Function.identity(), (a, b) -> b));
    List<String> released = run.release() == null ? List.of() : run.release().endToEndIds();

    ReportWorkbook.Table summary = workbook.table("Summary", null);
    summary.title("Payment run " + run.runId());
    summary.pair("Prepared by", run.preparer());
    summary.pair("Prepared at", run.preparedAt());
    summary.pair("Debtor", run.debtor().name() + " " + run.debtor().iban());
    summary.pair("Payments", run.paymentCount());
    summary.pair("Total", money(run.total()));
    summary.pair("Currency", run.currency());
    summary.pair("Rejected invoices", run.rejected().size());
    summary.pair("Held payments", run.held().size());
    summary.pair("Invoices for a person", run.manual().size());
    summary.pair("Decisions recorded", decisions.size());
    summary.pair("Payment file", run.release() == null ? "not released" : run.release().paymentFile());
    summary.pair("Released at", run.release() == null ? null : run.release().releasedAt());
    summary.pair("Released amount", run.release() == null ? null : money(run.release().controlSum()));
    summary.finish(false);

    ReportWorkbook.Table payments = workbook.table("Payments", PAYMENT_COLUMNS);
    for (RunFile.Payment p : run.payments()) {
      RunFile.BankStatus bank = status.get(p.endToEndId());
      payments.data(Arrays.asList(p.endToEndId(), p.invoiceNumber(), p.supplierId(), p.supplierName(), p.iban(),
          p.bic(), money(p.amount()), p.currency(), date(p.dueDate()), date(p.executionDate()), p.held() ? "yes" : "no",
          released.contains(p.endToEndId()) ? "yes" : "no", bank == null ? null : bank.outcome()));
    }
    payments.finish(true);

    checks(workbook.table("Rejected", CHECK_COLUMNS), run.rejected());

    ReportWorkbook.Table held = workbook.table("Held", HELD_COLUMNS);
    for (InvoiceCheck check : run.held()) {
      Decision latest = null;
      for (Decision d : decisions) {
        if (d.counted() && Decision.VERIFICATION.equals(d.role()) && check.invoiceNumber().equals(d.subject())) {
          latest = d;
        }
      }
      held.data(Arrays.asList(check.invoiceNumber(), check.supplierId(), check.supplierName(), check.iban(),
          check.masterIban(), money(check.amount()), latest == null ? null : latest.user(),
          latest == null ? "not verified" : latest.approved() ? "confirmed" : "declined",
          latest == null ? null : latest.at()));
    }
    held.finish(true);

    checks(workbook.table("Manual", CHECK_COLUMNS), run.manual());

    ReportWorkbook.Table approvals = workbook.table("Approvals", DECISION_COLUMNS);
    for (Decision d : decisions) {
      approvals.data(Arrays.asList(d.at(), d.user(), d.role(), d.approved() ? "approved" : "declined", d.subject(),
          money(d.amount()), d.currency(), d.paymentCount(), d.counted() ? "yes" : "no", d.refusal(), d.comment(),
          d.taskElementId(), d.recordedAt()));
    }
    approvals.finish(true);

    ReportWorkbook.Table bank = workbook.table("Bank status", STATUS_COLUMNS);
    Map<String, RunFile.Payment> byId = run.payments().stream()
        .collect(Collectors.toMap(RunFile.Payment::endToEndId, Function.identity()));
    for (RunFile.BankStatus s : run.bankStatus()) {
      RunFile.Payment p = byId.get(s.endToEndId());
      bank.data(Arrays.asList(s.endToEndId(), p == null ? null : p.invoiceNumber(), p == null ? null : p.supplierName(),
          p == null ? null : money(p.amount()), s.outcome(), s.statusCode(), s.reasonCode(), s.reasonText()));
    }
    bank.finish(true);
  }

  private static void checks(ReportWorkbook.Table table, List<InvoiceCheck> checks) {
    for (InvoiceCheck c : checks) {
      table.data(Arrays.asList(c.invoiceFile(), c.invoiceNumber(), c.supplierId(), c.supplierName(),
          money(c.amount()), c.currency(), c.reasonText()));
    }
    table.finish(true);
  }

  private static BigDecimal money(String amount) {
    return amount == null ? null : new BigDecimal(amount);
  }

  private static LocalDate date(String day) {
    return day == null ? null : LocalDate.parse(day);
  }
}
