package dev.engranaje.workers.finance.statement;

import java.time.LocalDate;
import java.util.List;

/**
 * One statement (or report, or notification) of one account, normalised from whatever format the
 * bank delivered. Immutable; {@code entries} is never {@code null}.
 *
 * @param statementId the bank's statement id (camt {@code Stmt/Id}, MT940 {@code :20:}/{@code :28C:})
 * @param sequence the electronic or statement sequence number, {@code null} where the bank gives none
 * @param accountIban the account's IBAN, {@code null} when the bank identifies it otherwise
 * @param accountId the account as the bank names it (IBAN or other id), never {@code null}
 * @param currency ISO 4217 code of the account
 * @param opening opening booked balance, {@code null} for a notification without balances
 * @param closing closing booked balance, {@code null} for a notification without balances
 * @param createdOn the day the bank created the statement, {@code null} when unknown
 * @param entries the entries in the bank's order
 */
public record BankStatement(
    String statementId,
    String sequence,
    String accountIban,
    String accountId,
    String currency,
    Balance opening,
    Balance closing,
    LocalDate createdOn,
    List<StatementEntry> entries) {

  public BankStatement {
    entries = List.copyOf(entries);
  }
}
