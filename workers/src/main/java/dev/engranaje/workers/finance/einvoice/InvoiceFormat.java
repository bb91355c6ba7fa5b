package dev.engranaje.workers.finance.einvoice;

import com.fasterxml.jackson.annotation.JsonValue;

/** The syntax an invoice arrived in; {@link #id()} is what variables and JSON carry. */
public enum InvoiceFormat {
  /** OASIS UBL 2.1 Invoice or CreditNote (Peppol BIS Billing 3.0, XRechnung UBL). */
  UBL("ubl"),
  /** UN/CEFACT Cross Industry Invoice D16B as a plain XML file (Factur-X, ZUGFeRD 2, XRechnung CII). */
  CII("cii"),
  /** A PDF/A-3 with the structured invoice embedded as an attachment (Factur-X / ZUGFeRD). */
  FACTUR_X("factur-x");

  private final String id;

  InvoiceFormat(String id) {
    this.id = id;
  }

  /** {@code ubl}, {@code cii} or {@code factur-x}. */
  @JsonValue
  public String id() {
    return id;
  }
}
