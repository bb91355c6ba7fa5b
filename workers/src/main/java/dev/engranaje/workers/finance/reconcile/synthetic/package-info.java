/**
 * A generated gold set for the matcher: statement entries, ledger items and the truth (which groups a
 * careful accountant would confirm, leave as a suggestion, or leave unmatched), from a seed and a size;
 * scoring of a {@link dev.engranaje.workers.finance.reconcile.Reconciliation} against it; and writers
 * of the generated statement as camt.053.001.02 and of the ledger as CSV, for the benchmark.
 */
package dev.engranaje.workers.finance.reconcile.synthetic;
