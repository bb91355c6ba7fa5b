package dev.engranaje.workers.finance.payment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Makes a payment run of the checked invoices: the accepted and held ones become payments (held ones
 * marked, paid only once verified), unless one repeats an earlier invoice of the same batch (then it
 * is rejected as DUPLICATE); the rejected and manual ones are listed. Each payment is executed on the
 * run's execution date or, without one, on its due date but never before today. End-to-end ids are
 * the run id and the payment's number ({@code PAY-20261207-1-001}). Stateless.
 */
public final class RunPreparer {
  static final String IN_BATCH = "Also in this run: %s";

  private final DuplicateFinder duplicates;

  public RunPreparer(DuplicateFinder duplicates) {
    this.duplicates = duplicates;
  }

  /** Prepares the run. */
  public RunFile prepare(String runId, String preparer, RunFile.Debtor debtor, LocalDate executionDate, LocalDate today,
      OffsetDateTime now, List<InvoiceCheck> checks) {
    List<InvoiceCheck> payable = new ArrayList<>();
    List<InvoiceCheck> rejected = new ArrayList<>();
    List<InvoiceCheck> held = new ArrayList<>();
    List<InvoiceCheck> manual = new ArrayList<>();
    List<DuplicateFinder.Candidate> seen = new ArrayList<>();
    for (InvoiceCheck check : checks) {
      switch (check.status()) {
        case InvoiceCheck.REJECTED -> rejected.add(check);
        case InvoiceCheck.MANUAL -> manual.add(check);
        case InvoiceCheck.ACCEPTED, InvoiceCheck.HELD -> {
          DuplicateFinder.Candidate candidate = candidate(check);
          Optional<String> repeat = seen.stream().map(earlier -> duplicates.repeats(candidate, earlier))
              .flatMap(Optional::stream).findFirst();
          if (repeat.isPresent()) {
            List<Reason> reasons = new ArrayList<>(check.reasons());
            reasons.add(new Reason(Reason.DUPLICATE, IN_BATCH.formatted(repeat.get())));
            rejected.add(with(check, InvoiceCheck.REJECTED, reasons));
          } else {
            seen.add(candidate);
            (check.status().equals(InvoiceCheck.HELD) ? held : payable).add(check);
          }
        }
        default -> throw new IllegalArgumentException("Expected the check of '" + check.invoiceFile()
            + "' to have status accepted, rejected, held or manual, but it has '" + check.status() + "'");
      }
    }
    List<RunFile.Payment> payments = new ArrayList<>();
    List<InvoiceCheck> inRun = new ArrayList<>(payable);
    inRun.addAll(held);
    BigDecimal total = BigDecimal.ZERO.setScale(2);
    BigDecimal largest = BigDecimal.ZERO.setScale(2);
    for (InvoiceCheck check : inRun) {
      BigDecimal amount = new BigDecimal(check.amount());
      total = total.add(amount);
      largest = largest.max(amount);
      LocalDate due = check.dueDate() == null ? today : LocalDate.parse(check.dueDate());
      LocalDate execution = executionDate != null ? executionDate : due.isBefore(today) ? today : due;
      payments.add(new RunFile.Payment("%s-%03d".formatted(runId, payments.size() + 1), check.invoiceNumber(),
          check.supplierId(), check.supplierName(), check.supplierEmail(), check.iban(), check.bic(),
          amount.setScale(Math.max(2, amount.scale())).toPlainString(), check.currency(), check.issueDate(),
          check.dueDate(), execution.toString(), check.paymentReference(), check.invoiceFile(),
          check.status().equals(InvoiceCheck.HELD)));
    }
    return new RunFile(runId, preparer, now.toString(), debtor,
        executionDate == null ? null : executionDate.toString(), "EUR", total.toPlainString(), payments.size(),
        largest.toPlainString(), RunFile.fingerprintOf(payments), payments, rejected, held, manual, null, List.of());
  }

  private static DuplicateFinder.Candidate candidate(InvoiceCheck check) {
    return new DuplicateFinder.Candidate(check.supplierId(), check.invoiceNumber(),
        check.amount() == null ? null : new BigDecimal(check.amount()), check.currency(),
        check.issueDate() == null ? null : LocalDate.parse(check.issueDate()),
        "invoice " + check.invoiceNumber() + " (" + check.invoiceFile() + ")");
  }

  private static InvoiceCheck with(InvoiceCheck c, String status, List<Reason> reasons) {
    return new InvoiceCheck(status, c.invoiceFile(), c.invoiceRef(), c.format(), c.invoiceNumber(), c.supplierId(),
        c.supplierName(), c.supplierEmail(), c.supplierVatId(), c.iban(), c.bic(), c.masterIban(), c.amount(),
        c.currency(), c.issueDate(), c.dueDate(), c.paymentReference(), reasons);
  }
}
