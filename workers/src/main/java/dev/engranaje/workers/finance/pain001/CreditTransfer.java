package dev.engranaje.workers.finance.pain001;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One payment of a run.
 *
 * @param endToEndId the id that travels to the creditor and comes back in pain.002 and camt;
 *     unique within the run, at most 35 characters of the SEPA set, not starting with '/' and
 *     without '//'
 * @param debtor the account to pay from
 * @param requestedExecutionDate the day the bank is asked to execute it
 * @param creditorName creditor's name (SEPA characters; others are transliterated and reported)
 * @param creditorIban creditor IBAN
 * @param creditorBic creditor BIC; {@code null} for IBAN-only SEPA payments
 * @param amount positive, at most 2 decimals
 * @param currency ISO 4217 code
 * @param remittanceText unstructured remittance text (at most 140 characters); {@code null} when none
 * @param structuredReference a creditor reference (ISO 11649 RF… or the invoice number) written as
 *     structured remittance ({@code SCOR}); {@code null} when none. Takes the place of the text.
 */
public record CreditTransfer(
    String endToEndId,
    DebtorAccount debtor,
    LocalDate requestedExecutionDate,
    String creditorName,
    String creditorIban,
    String creditorBic,
    BigDecimal amount,
    String currency,
    String remittanceText,
    String structuredReference) {}
