package dev.engranaje.workers.finance.statement;

import java.math.BigDecimal;

/**
 * One transaction inside a (batch) entry, camt {@code NtryDtls/TxDtls}. {@code amount} is signed like
 * its entry; {@code null} when the bank gives no per-transaction amount.
 */
public record TransactionDetail(
    BigDecimal amount,
    String endToEndId,
    String reference,
    Counterparty counterparty,
    String remittanceInformation) {}
