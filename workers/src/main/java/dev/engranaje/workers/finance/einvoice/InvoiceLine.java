package dev.engranaje.workers.finance.einvoice;

import java.math.BigDecimal;

/**
 * One invoice line (BG-25). Absent values are {@code null}.
 *
 * @param id the line identifier (BT-126)
 * @param name the item name (BT-153)
 * @param quantity the invoiced quantity (BT-129)
 * @param unitCode the quantity's unit (BT-130), e.g. {@code C62}
 * @param netPrice the item net price (BT-146)
 * @param priceBaseQuantity the quantity the price refers to (BT-149); {@code null} means 1
 * @param allowances the sum of line allowances (BG-27), zero when none
 * @param charges the sum of line charges (BG-28), zero when none
 * @param netAmount the line net amount (BT-131)
 * @param vatCategory the line's VAT category code (BT-151), e.g. {@code S}
 * @param vatRate the line's VAT rate in percent (BT-152)
 */
public record InvoiceLine(String id, String name, BigDecimal quantity, String unitCode, BigDecimal netPrice,
    BigDecimal priceBaseQuantity, BigDecimal allowances, BigDecimal charges, BigDecimal netAmount,
    String vatCategory, BigDecimal vatRate) {}
