package dev.engranaje.workers.finance.statement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One entry of a statement.
 *
 * @param entryId stable id of the entry: the bank's own reference where it gives one (camt
 *     {@code Ntry/AcctSvcrRef}, MT940 the {@code //} reference of {@code :61:}), otherwise an id
 *     generated deterministically from the statement and the entry's position
 * @param bankReference the bank's reference as delivered, {@code null} when none
 * @param bookingDate booking date
 * @param valueDate value date, {@code null} when none
 * @param amount signed amount: credit positive, debit negative
 * @param currency ISO 4217 code
 * @param status booked, pending or information
 * @param endToEndId the end-to-end id of a single-transaction entry, {@code null} when none
 * @param counterparty the other party, {@link Counterparty#UNKNOWN} when none
 * @param remittanceInformation unstructured and structured remittance text joined, {@code null} when none
 * @param bankTransactionCode the bank transaction code (ISO domain/family/sub-family, or MT940/GVC code)
 * @param details per-transaction details of a batch booking; empty for a single transaction
 */
public record StatementEntry(
    String entryId,
    String bankReference,
    LocalDate bookingDate,
    LocalDate valueDate,
    BigDecimal amount,
    String currency,
    EntryStatus status,
    String endToEndId,
    Counterparty counterparty,
    String remittanceInformation,
    String bankTransactionCode,
    List<TransactionDetail> details) {

  public StatementEntry {
    counterparty = counterparty == null ? Counterparty.UNKNOWN : counterparty;
    details = details == null ? List.of() : List.copyOf(details);
  }
}
