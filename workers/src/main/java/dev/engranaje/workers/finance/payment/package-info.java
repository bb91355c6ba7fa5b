/**
 * Supplier payment with the controls auditors ask for: each invoice checked against the supplier
 * master ({@link dev.engranaje.workers.finance.payment.InvoiceChecker}: supplier known, IBAN and BIC
 * valid, IBAN unchanged, not a duplicate, EN 16931 rules, limits), a payment run prepared by one
 * person ({@link dev.engranaje.workers.finance.payment.RunPreparer}), approved by others according to
 * its tier ({@link dev.engranaje.workers.finance.payment.FourEyes}), every decision recorded ({@link
 * dev.engranaje.workers.finance.payment.DecisionLog}), and the paid invoices kept in a history
 * ({@link dev.engranaje.workers.finance.payment.PaymentHistory}) that finds duplicates next time.
 * Amounts are {@link java.math.BigDecimal} in code and exact decimal strings in files and variables.
 */
package dev.engranaje.workers.finance.payment;
