package dev.engranaje.workers.finance.payment;

/**
 * One line of the payment history: an invoice paid in a run. Amounts are exact decimal strings,
 * dates ISO.
 *
 * @param runId the run that paid it
 * @param paidOn the day it was recorded as paid (after the bank's status)
 * @param endToEndId the payment's end-to-end id
 * @param normalisedNumber the invoice number as {@link InvoiceNumbers#normalise(String)} gives it
 */
public record PaidInvoice(String runId, String paidOn, String endToEndId, String supplierId, String supplierName,
    String invoiceNumber, String normalisedNumber, String amount, String currency, String issueDate) {}
