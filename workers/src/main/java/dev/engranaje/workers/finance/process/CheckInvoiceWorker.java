package dev.engranaje.workers.finance.process;

import dev.engranaje.workers.api.JobContext;
import dev.engranaje.workers.api.JobType;
import dev.engranaje.workers.api.JobWorker;
import dev.engranaje.workers.api.TechnicalFailure;
import dev.engranaje.workers.finance.einvoice.InvoiceJson;
import dev.engranaje.workers.finance.payment.DuplicateFinder;
import dev.engranaje.workers.finance.payment.InvoiceCheck;
import dev.engranaje.workers.finance.payment.InvoiceChecker;
import dev.engranaje.workers.finance.payment.PaidInvoice;
import dev.engranaje.workers.finance.payment.PaymentHistory;
import dev.engranaje.workers.finance.payment.SupplierMapping;
import dev.engranaje.workers.finance.payment.SupplierMaster;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * {@code rpa:payments.check-invoice:1}: checks one invoice for payment (made for a multi-instance over
 * the invoice files): read as an e-invoice, EN 16931 rules, supplier in the master, IBAN and BIC valid
 * and the IBAN unchanged, not paid before (the payment history), within the amount limit. The outcome
 * is the {@code check} variable ({@link InvoiceCheck}: status accepted, rejected, held or manual with
 * the reasons); a bad invoice is an outcome, never a BPMN error, so the multi-instance collects every
 * one. The normalised invoice is written to {@code invoices/<name>.json}.
 *
 * <p>A missing or unreadable supplier master, mapping or history, or a missing invoice file, is a
 * permanent failure (an incident naming the file). Thread-safe (stateless).
 */
@JobType("rpa:payments.check-invoice:1")
public final class CheckInvoiceWorker implements JobWorker<CheckInvoiceWorker.Input, CheckInvoiceWorker.Result> {
  static final String NO_INVOICE = "Expected the invoice file '%s' in the workspace, but it does not exist; check"
      + " 'invoiceFile'";
  static final String REQUIRED = "Expected '%s' (%s), but it is empty";
  static final String BAD_LIMIT = "Expected 'maxInvoiceAmount' to be a decimal amount such as 25000.00, but got '%s'";

  /**
   * @param invoiceFile the invoice (workspace reference): UBL or CII XML, a Factur-X PDF, or a plain PDF
   * @param supplierMaster the supplier master (xlsx, xls or CSV; workspace reference)
   * @param supplierMapping optional YAML column mapping of the master ({@link SupplierMapping})
   * @param paymentHistory optional JSON Lines of the invoices already paid (a missing file is an empty history)
   * @param maxInvoiceAmount optional limit for one invoice (a decimal string); above it the invoice goes to a person
   * @param duplicateWindowDays optional window of the same-amount duplicate rule, default 7 days
   */
  public record Input(String invoiceFile, String supplierMaster, String supplierMapping, String paymentHistory,
      String maxInvoiceAmount, Integer duplicateWindowDays) {}

  /** @param check the outcome */
  public record Result(InvoiceCheck check) {}

  @Override
  public Class<Input> inputType() {
    return Input.class;
  }

  @Override
  public Result handle(Input input, JobContext context) throws TechnicalFailure, IOException {
    String invoiceRef = required(input.invoiceFile(), "invoiceFile", "the workspace reference of the invoice");
    String masterRef = required(input.supplierMaster(), "supplierMaster", "the workspace reference of the master");
    Path invoice = context.workspace().resolve(invoiceRef);
    if (!Files.isRegularFile(invoice)) {
      throw TechnicalFailure.permanent(NO_INVOICE.formatted(invoiceRef));
    }
    SupplierMapping mapping = SupplierMapping.DEFAULT;
    if (input.supplierMapping() != null && !input.supplierMapping().isBlank()) {
      Path file = ReadLedgerWorker.existing(context, input.supplierMapping(), "supplier mapping");
      try {
        mapping = SupplierMapping.read(file, input.supplierMapping());
      } catch (IllegalArgumentException e) {
        throw TechnicalFailure.permanent(e.getMessage(), e);
      }
    }
    SupplierMaster master = SupplierMaster.read(context.workspace().resolve(masterRef), masterRef, mapping);
    List<PaidInvoice> history = input.paymentHistory() == null || input.paymentHistory().isBlank() ? List.of()
        : PaymentHistory.read(context.workspace().resolve(input.paymentHistory()), input.paymentHistory(),
            context.json());
    BigDecimal limit = limit(input.maxInvoiceAmount());
    InvoiceChecker checker = new InvoiceChecker(new DuplicateFinder(
        input.duplicateWindowDays() == null ? DuplicateFinder.DEFAULT_WINDOW_DAYS : input.duplicateWindowDays()));
    InvoiceChecker.Outcome outcome = checker.check(invoice, invoiceRef, master, history, limit);
    if (outcome.invoice() == null) {
      return new Result(outcome.check());
    }
    Path target = context.workspace().resolveForWriting("invoices/" + baseName(invoice) + ".json");
    Path partial = target.resolveSibling(target.getFileName() + ".partial");
    try (OutputStream out = Files.newOutputStream(partial)) {
      InvoiceJson.write(outcome.invoice(), out);
    }
    Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return new Result(outcome.check().withInvoiceRef(context.workspace().reference(target)));
  }

  static String required(String value, String name, String what) throws TechnicalFailure {
    if (value == null || value.isBlank()) {
      throw TechnicalFailure.permanent(REQUIRED.formatted(name, what));
    }
    return value;
  }

  private static BigDecimal limit(String text) throws TechnicalFailure {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(text.strip());
    } catch (NumberFormatException e) {
      throw TechnicalFailure.permanent(BAD_LIMIT.formatted(text), e);
    }
  }

  private static String baseName(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
