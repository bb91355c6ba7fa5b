package dev.engranaje.workers.finance.payment;

import dev.engranaje.workers.finance.einvoice.CheckedInvoice;
import dev.engranaje.workers.finance.einvoice.EinvoiceException;
import dev.engranaje.workers.finance.einvoice.EinvoiceReader;
import dev.engranaje.workers.finance.einvoice.En16931Check;
import dev.engranaje.workers.finance.einvoice.Invoice;
import dev.engranaje.workers.finance.einvoice.ParsedInvoice;
import dev.engranaje.workers.finance.einvoice.ReadEinvoiceWorker;
import dev.engranaje.workers.finance.einvoice.RuleViolation;
import dev.engranaje.workers.finance.iban.AccountCheck;
import dev.engranaje.workers.finance.iban.BankAccounts;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks one invoice for payment: reads it ({@link EinvoiceReader}), applies the EN 16931 rules
 * ({@link En16931Check}), finds its supplier in the master, checks the IBAN and BIC ({@link
 * BankAccounts}), compares the IBAN with the master's, looks for an earlier payment of the same
 * invoice in the history ({@link DuplicateFinder}) and applies the amount limit. Every problem found
 * becomes a {@link Reason}; nothing is thrown for a bad invoice. Thread-safe.
 */
public final class InvoiceChecker {
  static final String UNKNOWN_SUPPLIER = "Expected the seller '%s' (VAT id %s, IBAN %s) in the supplier master, but no"
      + " supplier there has that VAT id%s";
  static final String INVOICE_IBAN = "The invoice's IBAN: %s";
  static final String MASTER_IBAN = "The supplier master's IBAN for supplier %s (row %d): %s";
  static final String NO_IBAN = "Expected an IBAN to pay, but neither the invoice nor the supplier master (supplier %s)"
      + " gives one";
  static final String CHANGED = "The invoice asks for payment to %s, but the supplier master has %s for supplier %s:"
      + " verify the new bank details with the supplier (by a known phone number, not the invoice) before paying";
  static final String BIC = "The BIC %s: %s";
  static final String RULES = "Expected the invoice to satisfy the EN 16931 rules, but it breaks %s: %s";
  static final String LIMIT = "The amount %s %s is above the limit of %s for one invoice";
  static final String CREDIT = "The document is a credit note (type %s): nothing is paid to the supplier; offset it";
  static final String NOT_EUR = "The invoice is in %s; SEPA credit transfers are in EUR";
  static final String ZERO_DUE = "The amount due is %s: nothing to pay";
  static final String NO_STRUCTURED_DATA = "The file has no structured invoice data: %s";

  private final EinvoiceReader reader = new EinvoiceReader();
  private final En16931Check rules = new En16931Check();
  private final DuplicateFinder duplicates;

  public InvoiceChecker(DuplicateFinder duplicates) {
    this.duplicates = duplicates;
  }

  /**
   * The check and, when the file could be read, the invoice (to write as JSON).
   *
   * @param invoice {@code null} when the file is not a readable e-invoice
   */
  public record Outcome(InvoiceCheck check, CheckedInvoice invoice) {}

  /**
   * Checks the file.
   *
   * @param reference the workspace reference, for messages and the check
   * @param maxAmount the limit for one invoice, {@code null} for none
   * @throws IOException when the file cannot be read at all (a technical problem, not an invoice outcome)
   */
  public Outcome check(Path file, String reference, SupplierMaster master, List<PaidInvoice> history,
      BigDecimal maxAmount) throws IOException {
    ParsedInvoice parsed;
    try {
      parsed = reader.read(file, reference);
    } catch (EinvoiceException e) {
      Reason reason = e.unstructured() ? new Reason(Reason.UNSTRUCTURED, NO_STRUCTURED_DATA.formatted(e.getMessage()))
          : new Reason(Reason.UNREADABLE, e.getMessage());
      List<Reason> reasons = List.of(reason);
      return new Outcome(new InvoiceCheck(InvoiceCheck.statusOf(reasons), reference, null,
          e.unstructured() ? "pdf" : null, null, null, null, null, null, null, null, null, null, null, null, null, null,
          reasons), null);
    }
    Invoice invoice = parsed.invoice();
    ReadEinvoiceWorker.Summary summary = ReadEinvoiceWorker.summary(invoice);
    List<Reason> reasons = new ArrayList<>();
    List<RuleViolation> violations = rules.check(parsed);
    List<RuleViolation> fatal = violations.stream().filter(v -> v.severity() == RuleViolation.Severity.FATAL).toList();
    if (!fatal.isEmpty()) {
      reasons.add(new Reason(Reason.EN16931, RULES.formatted(
          String.join(", ", fatal.stream().map(RuleViolation::rule).distinct().toList()),
          String.join("; ", fatal.stream().map(RuleViolation::describe).toList()))));
    }
    List<RuleViolation> warnings = violations.stream().filter(v -> v.severity() != RuleViolation.Severity.FATAL)
        .toList();

    Optional<Supplier> found = master.find(summary.supplierVatId(), summary.supplierName(), summary.supplierIban());
    Supplier supplier = found.orElse(null);
    if (supplier == null) {
      reasons.add(new Reason(Reason.SUPPLIER_UNKNOWN, UNKNOWN_SUPPLIER.formatted(summary.supplierName(),
          summary.supplierVatId(), summary.supplierIban(),
          summary.supplierVatId() == null ? ", name or IBAN" : " (a name alone is not matched when the VAT ids differ)")));
    }
    String iban = bankDetails(summary, supplier, reasons);
    String bic = bic(summary, supplier, iban, reasons);

    BigDecimal amount = amount(invoice);
    String amountText = summary.amountDue() != null ? summary.amountDue() : summary.grossTotal();
    if (invoice.creditNote()) {
      reasons.add(new Reason(Reason.CREDIT_NOTE, CREDIT.formatted(invoice.typeCode())));
    } else if (amount == null || amount.signum() <= 0) {
      reasons.add(new Reason(Reason.NOTHING_DUE, ZERO_DUE.formatted(amountText)));
    }
    if (invoice.currency() != null && !invoice.currency().equals("EUR")) {
      reasons.add(new Reason(Reason.CURRENCY, NOT_EUR.formatted(invoice.currency())));
    }
    if (maxAmount != null && amount != null && amount.compareTo(maxAmount) > 0) {
      reasons.add(new Reason(Reason.OVER_LIMIT, LIMIT.formatted(amountText, invoice.currency(),
          maxAmount.toPlainString())));
    }
    if (supplier != null) {
      DuplicateFinder.Candidate candidate = new DuplicateFinder.Candidate(supplier.supplierId(),
          invoice.invoiceNumber(), amount, invoice.currency(), invoice.issueDate(), "invoice " + invoice.invoiceNumber());
      for (PaidInvoice paid : history) {
        Optional<String> why = duplicates.repeats(candidate, candidateOf(paid));
        if (why.isPresent()) {
          reasons.add(new Reason(Reason.DUPLICATE, "Already paid: " + why.get()));
          break;
        }
      }
    }
    InvoiceCheck check = new InvoiceCheck(InvoiceCheck.statusOf(reasons), reference, null, summary.format(),
        invoice.invoiceNumber(), supplier == null ? null : supplier.supplierId(),
        supplier == null ? summary.supplierName() : supplier.name(), supplier == null ? null : supplier.email(),
        summary.supplierVatId(), iban, bic, supplier == null ? null : normalisedOrAsIs(supplier.iban()), amountText,
        invoice.currency(), summary.issueDate(), summary.dueDate(), summary.paymentReference(), reasons);
    return new Outcome(check, new CheckedInvoice(invoice, warnings));
  }

  static DuplicateFinder.Candidate candidateOf(PaidInvoice paid) {
    return new DuplicateFinder.Candidate(paid.supplierId(), paid.invoiceNumber(),
        paid.amount() == null ? null : new BigDecimal(paid.amount()), paid.currency(),
        paid.issueDate() == null ? null : LocalDate.parse(paid.issueDate()),
        "invoice " + paid.invoiceNumber() + " paid in run " + paid.runId() + " on " + paid.paidOn());
  }

  private static BigDecimal amount(Invoice invoice) {
    return invoice.totals().amountDue() != null ? invoice.totals().amountDue() : invoice.totals().grossTotal();
  }

  // the IBAN to pay (the invoice's, else the master's) and the reasons about it
  private static String bankDetails(ReadEinvoiceWorker.Summary summary, Supplier supplier, List<Reason> reasons) {
    AccountCheck invoiceIban = summary.supplierIban() == null ? null : BankAccounts.checkIban(summary.supplierIban());
    AccountCheck masterIban = supplier == null || supplier.iban() == null ? null : BankAccounts.checkIban(supplier.iban());
    if (invoiceIban != null && !invoiceIban.valid()) {
      reasons.add(new Reason(Reason.IBAN_INVALID, INVOICE_IBAN.formatted(invoiceIban.problem())));
    }
    if (masterIban != null && !masterIban.valid()) {
      reasons.add(new Reason(Reason.IBAN_INVALID, MASTER_IBAN.formatted(supplier.supplierId(), supplier.row(),
          masterIban.problem())));
    }
    if (invoiceIban == null && masterIban == null && supplier != null) {
      reasons.add(new Reason(Reason.IBAN_INVALID, NO_IBAN.formatted(supplier.supplierId())));
    }
    if (invoiceIban != null && masterIban != null && invoiceIban.valid() && masterIban.valid()
        && !invoiceIban.normalised().equals(masterIban.normalised())) {
      reasons.add(new Reason(Reason.IBAN_CHANGED, CHANGED.formatted(invoiceIban.normalised(), masterIban.normalised(),
          supplier.supplierId())));
    }
    if (invoiceIban != null) {
      return invoiceIban.normalised();
    }
    return masterIban == null ? null : masterIban.normalised();
  }

  // the invoice's BIC, else the master's when the IBAN to pay is the master's (its BIC belongs to that account)
  private static String bic(ReadEinvoiceWorker.Summary summary, Supplier supplier, String iban, List<Reason> reasons) {
    boolean masterAccount = supplier != null && supplier.iban() != null && iban != null
        && BankAccounts.checkIban(supplier.iban()).normalised().equals(iban);
    String given = summary.supplierBic() != null ? summary.supplierBic() : masterAccount ? supplier.bic() : null;
    if (given == null || given.isBlank()) {
      return null;
    }
    AccountCheck bic = BankAccounts.checkBic(given);
    if (!bic.valid()) {
      reasons.add(new Reason(Reason.BIC_INVALID, BIC.formatted(bic.normalised(), bic.problem())));
    }
    return bic.normalised();
  }

  private static String normalisedOrAsIs(String iban) {
    return iban == null ? null : BankAccounts.checkIban(iban).normalised();
  }
}
