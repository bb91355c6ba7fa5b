package dev.engranaje.workers.finance.einvoice;

import java.math.BigDecimal;

/**
 * A document level allowance (BG-20) or charge (BG-21).
 *
 * @param charge true for a charge, false for an allowance
 * @param amount the amount (BT-92 / BT-99)
 * @param reason the reason text (BT-97 / BT-104), may be {@code null}
 * @param vatCategory its VAT category code (BT-95 / BT-102)
 * @param vatRate its VAT rate in percent (BT-96 / BT-103), may be {@code null}
 */
public record AllowanceCharge(boolean charge, BigDecimal amount, String reason, String vatCategory,
    BigDecimal vatRate) {}
