package dev.engranaje.examples.payment;

import java.time.LocalDate;

/**
 * An open invoice as the ERP exports it (no e-invoice behind it): what its row in {@code open-invoices.xlsx} holds.
 *
 * @param amount the amount due, an exact decimal string
 */
public record SampleOpenItem(String invoiceNumber, SampleSupplier supplier, LocalDate issueDate, LocalDate dueDate,
    String amount, String paymentReference) {}
