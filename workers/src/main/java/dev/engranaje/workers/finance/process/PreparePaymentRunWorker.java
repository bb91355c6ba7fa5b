package dev.engranaje.workers.finance.process;

import dev.engranaje.workers.api.JobContext;
import dev.engranaje.workers.api.JobType;
import dev.engranaje.workers.api.JobWorker;
import dev.engranaje.workers.api.TechnicalFailure;
import dev.engranaje.workers.finance.iban.AccountCheck;
import dev.engranaje.workers.finance.iban.BankAccounts;
import dev.engranaje.workers.finance.payment.DuplicateFinder;
import dev.engranaje.workers.finance.payment.InvoiceCheck;
import dev.engranaje.workers.finance.payment.RunFile;
import dev.engranaje.workers.finance.payment.RunPreparer;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code rpa:payments.prepare-run:1}: makes a payment run of the invoice checks (the multi-instance's
 * {@code checks}): the accepted and held invoices become payments unless one repeats another of the
 * batch (then rejected as DUPLICATE), and writes the run to {@code payments/run-<runId>.json} with its
 * preparer, who can approve none of it. Returns the run's summary and the lists the model routes on.
 *
 * <p>A missing preparer, an invalid debtor account, a bad run id or an execution date in the past is a
 * permanent failure (the model's configuration). Preparing again (a retried job) writes the same run.
 * Thread-safe (stateless).
 */
@JobType("rpa:payments.prepare-run:1")
public final class PreparePaymentRunWorker
    implements JobWorker<PreparePaymentRunWorker.Input, PreparePaymentRunWorker.Result> {
  static final String BAD_DEBTOR = "Expected 'debtor' to be the account to pay from ({name, iban, bic}), but %s";
  static final String BAD_RUN_ID = "Expected 'runId' to be 1 to 30 letters, digits or '-', but got '%s'";
  static final String BAD_DATE = "Expected 'executionDate' to be an ISO date (2026-12-08) from today (%s), but got '%s'";
  private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,29}");

  /**
   * @param checks the invoice checks ({@code check} of each {@code rpa:payments.check-invoice:1})
   * @param preparer the user id of the person preparing the run
   * @param debtor the account to pay from: {@code {name, iban, bic}} (bic optional)
   * @param executionDate optional ISO date for every payment; default each payment's due date, not before today
   * @param runId optional run id (default {@code PAY-<yyyyMMdd>-<process instance key>})
   * @param duplicateWindowDays optional window of the same-amount duplicate rule inside the batch, default 7
   */
  public record Input(List<InvoiceCheck> checks, String preparer, RunFile.Debtor debtor, String executionDate,
      String runId, Integer duplicateWindowDays) {}

  /**
   * The run's summary.
   *
   * @param runRef the run file (workspace reference), to pass on to the later steps
   * @param total the sum of every payment the run may make (the held ones included), e.g. {@code "12840.50"}
   */
  public record Run(String runId, String runRef, String preparer, String currency, int paymentCount, String total,
      String largestAmount) {}

  /** One payment ready to pay. */
  public record Payable(String invoiceNumber, String supplierId, String supplierName, String supplierEmail,
      String amount, String currency, String dueDate, String endToEndId) {}

  /**
   * @param payable the payments that need no verification
   * @param rejectedInvoices the checks rejected (with the batch duplicates), each with its reasons
   * @param heldPayments the checks whose IBAN changed: each needs a verification before it is paid
   * @param manualInvoices the checks for a person (plain PDFs, credit notes, over the limit, …)
   */
  public record Result(Run run, List<Payable> payable, List<InvoiceCheck> rejectedInvoices,
      List<InvoiceCheck> heldPayments, List<InvoiceCheck> manualInvoices) {}

  @Override
  public Class<Input> inputType() {
    return Input.class;
  }

  @Override
  public Result handle(Input input, JobContext context) throws TechnicalFailure, IOException {
    String preparer = CheckInvoiceWorker.required(input.preparer(), "preparer",
        "the user id of the person preparing the run").strip();
    RunFile.Debtor debtor = debtor(input.debtor());
    LocalDate today = LocalDate.now(context.clock().withZone(ZoneOffset.UTC));
    LocalDate executionDate = executionDate(input.executionDate(), today);
    String runId = input.runId() == null || input.runId().isBlank()
        ? "PAY-" + DateTimeFormatter.BASIC_ISO_DATE.format(today) + "-" + context.job().processInstanceKey()
        : input.runId().strip();
    if (!RUN_ID.matcher(runId).matches()) {
      throw TechnicalFailure.permanent(BAD_RUN_ID.formatted(runId));
    }
    RunPreparer preparerOfRuns = new RunPreparer(new DuplicateFinder(
        input.duplicateWindowDays() == null ? DuplicateFinder.DEFAULT_WINDOW_DAYS : input.duplicateWindowDays()));
    RunFile run = preparerOfRuns.prepare(runId, preparer, debtor, executionDate, today,
        OffsetDateTime.now(context.clock()).withOffsetSameInstant(ZoneOffset.UTC),
        input.checks() == null ? List.of() : input.checks());
    String runRef = RunFile.reference(runId);
    run.write(context.workspace().resolveForWriting(runRef), context.json());
    List<Payable> payable = run.payments().stream().filter(p -> !p.held())
        .map(p -> new Payable(p.invoiceNumber(), p.supplierId(), p.supplierName(), p.supplierEmail(), p.amount(),
            p.currency(), p.dueDate(), p.endToEndId())).toList();
    return new Result(new Run(runId, runRef, preparer, run.currency(), run.paymentCount(), run.total(),
        run.largestAmount()), payable, run.rejected(), run.held(), run.manual());
  }

  private static RunFile.Debtor debtor(RunFile.Debtor given) throws TechnicalFailure {
    if (given == null || given.name() == null || given.name().isBlank()) {
      throw TechnicalFailure.permanent(BAD_DEBTOR.formatted("it has no name"));
    }
    AccountCheck iban = BankAccounts.checkIban(given.iban());
    if (!iban.valid()) {
      throw TechnicalFailure.permanent(BAD_DEBTOR.formatted(iban.problem()));
    }
    String bic = null;
    if (given.bic() != null && !given.bic().isBlank()) {
      AccountCheck checked = BankAccounts.checkBic(given.bic());
      if (!checked.valid()) {
        throw TechnicalFailure.permanent(BAD_DEBTOR.formatted(checked.problem()));
      }
      bic = checked.normalised();
    }
    return new RunFile.Debtor(given.name().strip(), iban.normalised(), bic);
  }

  private static LocalDate executionDate(String text, LocalDate today) throws TechnicalFailure {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      LocalDate date = LocalDate.parse(text.strip());
      if (date.isBefore(today)) {
        throw TechnicalFailure.permanent(BAD_DATE.formatted(today, text));
      }
      return date;
    } catch (DateTimeParseException e) {
      throw TechnicalFailure.permanent(BAD_DATE.formatted(today, text), e);
    }
  }
}
