package dev.engranaje.workers.finance.payment;

/**
 * One supplier of the master, values as the file has them (trimmed; absent ones {@code null}).
 *
 * @param row the row it came from, for messages
 */
public record Supplier(String supplierId, String name, String vatId, String iban, String bic, String email,
    String country, int row) {}
