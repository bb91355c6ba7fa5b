package dev.engranaje.workers.finance.payment;

import java.util.List;

/**
 * The outcome of checking one invoice for payment: the {@code check} variable. Strings throughout:
 * amounts exact decimal strings with two decimals or more, dates ISO, absent values {@code null}.
 *
 * <p>Status: {@code rejected} when any reason is SUPPLIER_UNKNOWN, IBAN_INVALID, BIC_INVALID,
 * DUPLICATE or EN16931 (the invoice goes back to its supplier); else {@code manual} when any is
 * UNSTRUCTURED (a PDF without structured data), UNREADABLE, OVER_LIMIT, CREDIT_NOTE, CURRENCY (not EUR,
 * which SEPA needs) or NOTHING_DUE (for a person, not paid in this run); else {@code held} for
 * IBAN_CHANGED (paid only after someone other than the preparer verifies the new bank details); else
 * {@code accepted}.
 *
 * @param invoiceRef the normalised invoice JSON in the workspace, {@code null} when it could not be read
 * @param format {@code ubl}, {@code cii}, {@code factur-x}, or {@code pdf} for a PDF without structured data
 * @param iban the IBAN to pay: the invoice's, else the master's
 * @param masterIban the IBAN the supplier master has
 * @param amount the amount due (BT-115)
 */
public record InvoiceCheck(String status, String invoiceFile, String invoiceRef, String format, String invoiceNumber,
    String supplierId, String supplierName, String supplierEmail, String supplierVatId, String iban, String bic,
    String masterIban, String amount, String currency, String issueDate, String dueDate, String paymentReference,
    List<Reason> reasons) {

  public static final String ACCEPTED = "accepted";
  public static final String REJECTED = "rejected";
  public static final String HELD = "held";
  public static final String MANUAL = "manual";

  public InvoiceCheck {
    reasons = reasons == null ? List.of() : List.copyOf(reasons);
  }

  /** The same check with the normalised invoice's workspace reference. */
  public InvoiceCheck withInvoiceRef(String ref) {
    return new InvoiceCheck(status, invoiceFile, ref, format, invoiceNumber, supplierId, supplierName, supplierEmail,
        supplierVatId, iban, bic, masterIban, amount, currency, issueDate, dueDate, paymentReference, reasons);
  }

  /** The status the reasons give. */
  static String statusOf(List<Reason> reasons) {
    if (reasons.stream().anyMatch(r -> Reason.REJECTING.contains(r.code()))) {
      return REJECTED;
    }
    if (reasons.stream().anyMatch(r -> Reason.MANUAL.contains(r.code()))) {
      return MANUAL;
    }
    return reasons.stream().anyMatch(r -> r.code().equals(Reason.IBAN_CHANGED)) ? HELD : ACCEPTED;
  }

  /** The reason texts joined, for mails and reports. */
  public String reasonText() {
    return String.join("; ", reasons.stream().map(r -> r.code() + ": " + r.text()).toList());
  }
}
