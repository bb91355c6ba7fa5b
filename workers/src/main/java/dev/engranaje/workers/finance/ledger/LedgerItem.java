package dev.engranaje.workers.finance.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One open item of the ledger, normalised so that it has the sign of the bank entry that would settle
 * it: an open receivable (money expected in) is positive, an open payable is negative.
 *
 * @param id the item's id in the ERP, unique within one export, never {@code null}
 * @param amount signed open amount
 * @param currency ISO 4217 code
 * @param documentDate the document (invoice) date, {@code null} when not mapped
 * @param dueDate the due date, {@code null} when not mapped
 * @param reference invoice number, payment reference or RF creditor reference, {@code null} when none
 * @param partnerName customer or supplier name, {@code null} when none
 * @param partnerIban the partner's IBAN, {@code null} when none
 */
public record LedgerItem(
    String id,
    BigDecimal amount,
    String currency,
    LocalDate documentDate,
    LocalDate dueDate,
    String reference,
    String partnerName,
    String partnerIban) {}
