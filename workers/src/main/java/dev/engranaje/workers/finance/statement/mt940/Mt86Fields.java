package dev.engranaje.workers.finance.statement.mt940;

/**
 * What a {@link Mt86Profile} found in one {@code :86:} field; any component may be {@code null}.
 *
 * @param endToEndId the end-to-end reference ({@code /EREF/}, {@code EREF+})
 * @param remittance the remittance text ({@code /REMI/}, {@code SVWZ+}, the purpose lines, or the whole text)
 * @param name counterparty name
 * @param iban counterparty IBAN or account
 * @param bic counterparty BIC or bank code
 * @param code a transaction code (German GVC), {@code null} when the text carries none
 */
public record Mt86Fields(String endToEndId, String remittance, String name, String iban, String bic, String code) {}
