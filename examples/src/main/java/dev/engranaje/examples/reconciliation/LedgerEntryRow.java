package dev.engranaje.examples.reconciliation;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One open item of the generated ledger export (a row of the xlsx).
 *
 * @param documentNo the ERP's document number, the item's id
 * @param type {@code AR} (customer invoice, money expected in) or {@code AP} (supplier invoice, money going out)
 * @param reference what the payment should quote: the invoice number, an RF creditor reference or the payment's end-to-end id
 * @param amount the open amount, positive for AR, negative for AP (the ERP's sign convention)
 */
public record LedgerEntryRow(String documentNo, String type, String partner, String partnerIban, String reference,
    LocalDate documentDate, LocalDate dueDate, BigDecimal amount, String currency) {}
