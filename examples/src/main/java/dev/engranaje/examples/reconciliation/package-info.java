/**
 * The bank-reconciliation example: a deterministic generator of realistic sample data (a bank
 * statement as camt.053.001.02 and MT940, the matching ledger export as xlsx, and the truth of which
 * entries belong to which items), and the demo that runs the reconciliation process end to end.
 */
package dev.engranaje.examples.reconciliation;
