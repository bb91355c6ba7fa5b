package dev.engranaje.workers.finance.pain001;

/**
 * The account a payment is made from.
 *
 * @param name account holder's name, as the bank knows it
 * @param iban IBAN, any print form (normalised on writing)
 * @param bic BIC of the debtor's bank; {@code null} writes {@code NOTPROVIDED}, as SEPA allows
 */
public record DebtorAccount(String name, String iban, String bic) {}
