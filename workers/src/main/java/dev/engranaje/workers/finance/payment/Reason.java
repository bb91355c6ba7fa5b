package dev.engranaje.workers.finance.payment;

import java.util.Set;

/**
 * Why an invoice is not simply paid.
 *
 * @param code a stable code, see {@link InvoiceCheck}
 * @param text what is wrong, naming the values
 */
public record Reason(String code, String text) {
  public static final String SUPPLIER_UNKNOWN = "SUPPLIER_UNKNOWN";
  public static final String IBAN_INVALID = "IBAN_INVALID";
  public static final String BIC_INVALID = "BIC_INVALID";
  public static final String IBAN_CHANGED = "IBAN_CHANGED";
  public static final String DUPLICATE = "DUPLICATE";
  public static final String EN16931 = "EN16931";
  public static final String OVER_LIMIT = "OVER_LIMIT";
  public static final String CREDIT_NOTE = "CREDIT_NOTE";
  public static final String UNSTRUCTURED = "UNSTRUCTURED";
  public static final String UNREADABLE = "UNREADABLE";
  public static final String CURRENCY = "CURRENCY";
  public static final String NOTHING_DUE = "NOTHING_DUE";

  /** Codes that reject the invoice (it goes back to the supplier). */
  static final Set<String> REJECTING = Set.of(SUPPLIER_UNKNOWN, IBAN_INVALID, BIC_INVALID, DUPLICATE, EN16931);
  /** Codes that hand the invoice to a person instead of paying it in this run. */
  static final Set<String> MANUAL = Set.of(OVER_LIMIT, CREDIT_NOTE, UNSTRUCTURED, UNREADABLE, CURRENCY, NOTHING_DUE);
}
