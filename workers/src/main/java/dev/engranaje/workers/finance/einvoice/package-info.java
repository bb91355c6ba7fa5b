/**
 * E-invoices in: UBL 2.1 / Peppol BIS Billing 3.0 and XRechnung ({@code Invoice}, {@code CreditNote}),
 * UN/CEFACT Cross Industry Invoice D16B (Factur-X, ZUGFeRD 2, XRechnung CII) and the same CII embedded
 * in a PDF/A-3 (Factur-X / ZUGFeRD), read into one {@link dev.engranaje.workers.finance.einvoice.Invoice}
 * model. {@link dev.engranaje.workers.finance.einvoice.En16931Check} recomputes the totals (lines, net,
 * VAT, gross, amount due) and checks the EN 16931 business rules named by their ids (BR-CO-10 …); a PDF
 * without structured data is refused as unstructured, never guessed from its text. Amounts are
 * {@link java.math.BigDecimal} and exact decimal strings in JSON and variables.
 */
package dev.engranaje.workers.finance.einvoice;
