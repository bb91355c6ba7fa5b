package dev.engranaje.workers.finance.einvoice;

/**
 * An invoice as read, with where each of its terms sits in the file (for {@link En16931Check}'s messages).
 *
 * @param invoice the normalised invoice
 * @param positions the file positions of its business terms
 */
public record ParsedInvoice(Invoice invoice, SourcePositions positions) {}
