package dev.engranaje.workers.finance.einvoice;

/**
 * How the seller wants to be paid (BG-16) and the payment terms. Absent values are {@code null}.
 *
 * @param meansCode the payment means type code (BT-81), e.g. {@code 30} or {@code 58} for a credit transfer
 * @param iban the payment account identifier (BT-84) without spaces, upper case; an IBAN for SEPA
 * @param bic the payment service provider (BT-86)
 * @param accountName the payment account name (BT-85)
 * @param reference the remittance information (BT-83) the seller asks to quote
 * @param terms the payment terms text (BT-20)
 */
public record PaymentInstructions(String meansCode, String iban, String bic, String accountName, String reference,
    String terms) {}
