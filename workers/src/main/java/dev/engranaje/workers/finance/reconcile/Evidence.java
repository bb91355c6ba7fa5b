package dev.engranaje.workers.finance.reconcile;

/**
 * One fact a rule relied on: which field, what the bank side and the ledger side held, and how they
 * were compared (e.g. {@code "normalised reference"}, {@code "IBAN"}, {@code "within 3 days"}).
 */
public record Evidence(String field, String bankValue, String ledgerValue, String comparison) {}
