/**
 * The invoice-intake demo: deploys {@code invoice-intake.bpmn}, starts a batch of supplier invoices,
 * serves every job with the client's own job workers, repairs the incidents a simulated ledger
 * outage causes, and checks every instance's variables.
 */
package dev.engranaje.examples.invoice;
