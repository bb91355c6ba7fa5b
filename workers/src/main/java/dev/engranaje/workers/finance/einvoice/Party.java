package dev.engranaje.workers.finance.einvoice;

/**
 * The seller (BG-4) or buyer (BG-7) of an invoice. Absent values are {@code null}.
 *
 * @param name the legal name (BT-27 / BT-44), else the trading name
 * @param tradingName the trading name (BT-28 / BT-45)
 * @param vatId the VAT identifier (BT-31 / BT-48), e.g. {@code DE123456789}
 * @param taxRegistrationId the seller's local tax registration (BT-32), e.g. {@code 201/113/40209}
 * @param legalId the legal registration identifier (BT-30 / BT-47)
 * @param countryCode the postal address's country (BT-40 / BT-55)
 */
public record Party(String name, String tradingName, String vatId, String taxRegistrationId, String legalId,
    String countryCode) {}
