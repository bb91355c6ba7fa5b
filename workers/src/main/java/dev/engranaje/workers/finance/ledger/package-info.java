/**
 * Ledger open items read from an ERP export (xlsx or CSV) through a declared column mapping.
 */
package dev.engranaje.workers.finance.ledger;
