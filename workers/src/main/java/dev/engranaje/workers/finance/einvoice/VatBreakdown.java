package dev.engranaje.workers.finance.einvoice;

import java.math.BigDecimal;

/**
 * One VAT breakdown (BG-23): a category and rate with its taxable base and tax.
 *
 * @param category the VAT category code (BT-118): {@code S}, {@code Z}, {@code E}, {@code AE}, {@code K},
 *     {@code G}, {@code O}, {@code L} or {@code M}
 * @param rate the VAT category rate in percent (BT-119), {@code null} when absent
 * @param taxableAmount the VAT category taxable amount (BT-116)
 * @param taxAmount the VAT category tax amount (BT-117)
 * @param exemptionReason the exemption reason text or code (BT-120 / BT-121), may be {@code null}
 */
public record VatBreakdown(String category, BigDecimal rate, BigDecimal taxableAmount, BigDecimal taxAmount,
    String exemptionReason) {}
