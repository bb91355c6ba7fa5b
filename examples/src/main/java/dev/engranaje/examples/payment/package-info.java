/**
 * The supplier-payment scenario: its sample data ({@link dev.engranaje.examples.payment.SupplierPaymentData}
 * and the generator of {@code examples/supplier-payment/}), the stack the demo and the end-to-end tests run
 * on, and the demo itself.
 */
package dev.engranaje.examples.payment;
