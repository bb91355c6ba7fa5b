package dev.engranaje.workers.finance.einvoice;

import java.math.BigDecimal;

/**
 * The document totals (BG-22) as stated in the invoice; {@link En16931Check} recomputes them.
 * Absent values are {@code null}.
 *
 * @param lineNetTotal the sum of invoice line net amounts (BT-106)
 * @param allowanceTotal the sum of document level allowances (BT-107)
 * @param chargeTotal the sum of document level charges (BT-108)
 * @param netTotal the invoice total without VAT (BT-109)
 * @param taxTotal the invoice total VAT amount (BT-110)
 * @param grossTotal the invoice total with VAT (BT-112)
 * @param prepaid the paid amount (BT-113)
 * @param rounding the rounding amount (BT-114)
 * @param amountDue the amount due for payment (BT-115)
 */
public record DocumentTotals(BigDecimal lineNetTotal, BigDecimal allowanceTotal, BigDecimal chargeTotal,
    BigDecimal netTotal, BigDecimal taxTotal, BigDecimal grossTotal, BigDecimal prepaid, BigDecimal rounding,
    BigDecimal amountDue) {}
