/** The durable idempotency ledger that keeps side effects to one per key across redeliveries. */
package dev.engranaje.workers.ledger;
