package dev.engranaje.workers.finance.process;

import dev.engranaje.workers.api.JobContext;
import dev.engranaje.workers.api.JobType;
import dev.engranaje.workers.api.JobWorker;
import dev.engranaje.workers.api.TechnicalFailure;
import dev.engranaje.workers.finance.payment.InvoiceNumbers;
import dev.engranaje.workers.finance.payment.PaidInvoice;
import dev.engranaje.workers.finance.payment.PaymentHistory;
import dev.engranaje.workers.finance.payment.RunFile;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code rpa:payments.record-payments:1}: appends the invoices a released run paid to the payment
 * history (JSON Lines, {@link PaidInvoice}), which the next runs' invoice checks read to find
 * duplicates. Paid means in the released file and, once the bank's status was read, accepted by the
 * bank; without a status, every payment in the file not listed in {@code bankRejected}. Exactly once
 * per run: the append runs through the idempotency ledger keyed by the run id, so a retried job or a
 * second pass adds nothing. Thread-safe (stateless).
 */
@JobType("rpa:payments.record-payments:1")
public final class RecordPaymentsWorker implements JobWorker<RecordPaymentsWorker.Input, RecordPaymentsWorker.Result> {
  static final String NOT_RELEASED = "Expected run %s to be released (write-pain001) before its payments are recorded,"
      + " but it was not";

  /**
   * @param runRef the run file
   * @param bankRejected the payments the bank rejected (read-status's {@code bankRejected}), by endToEndId
   * @param paymentHistory the history file (workspace reference), created when missing
   */
  public record Input(String runRef, List<Map<String, Object>> bankRejected, String paymentHistory) {}

  /** @param paidCount the invoices recorded as paid by this run */
  public record Result(int paidCount) {}

  @Override
  public Class<Input> inputType() {
    return Input.class;
  }

  @Override
  public Result handle(Input input, JobContext context) throws Exception {
    String runRef = CheckInvoiceWorker.required(input.runRef(), "runRef", "the run file, from run.runRef");
    String historyRef = CheckInvoiceWorker.required(input.paymentHistory(), "paymentHistory",
        "the workspace reference of the payment history");
    RunFile run = RunFile.read(context.workspace().resolve(runRef), runRef, context.json());
    if (run.release() == null) {
      throw TechnicalFailure.permanent(NOT_RELEASED.formatted(run.runId()));
    }
    Set<String> rejected = new HashSet<>();
    if (input.bankRejected() != null) {
      input.bankRejected().forEach(r -> rejected.add(String.valueOf(r.get("endToEndId"))));
    }
    Set<String> accepted = new HashSet<>();
    run.bankStatus().stream().filter(s -> "accepted".equals(s.outcome())).forEach(s -> accepted.add(s.endToEndId()));
    Set<String> released = Set.copyOf(run.release().endToEndIds());
    String paidOn = LocalDate.now(context.clock().withZone(ZoneOffset.UTC)).toString();
    List<PaidInvoice> paid = run.payments().stream()
        .filter(p -> released.contains(p.endToEndId()) && !rejected.contains(p.endToEndId()))
        .filter(p -> run.bankStatus().isEmpty() || accepted.contains(p.endToEndId()))
        .map(p -> new PaidInvoice(run.runId(), paidOn, p.endToEndId(), p.supplierId(), p.supplierName(),
            p.invoiceNumber(), InvoiceNumbers.normalise(p.invoiceNumber()), p.amount(), p.currency(), p.issueDate()))
        .toList();
    Path history = context.workspace().resolveForWriting(historyRef);
    Integer count = context.once("rpa:payments.record-payments:" + run.runId(), Integer.class, () -> {
      PaymentHistory.append(history, paid, context.json());
      return paid.size();
    });
    return new Result(count);
  }
}
