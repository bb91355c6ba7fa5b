/**
 * The reconciliation matcher: ordered, declared rules that pair bank entries with ledger items and
 * explain every proposal. Pure Java, no engine dependency, deterministic for the same input.
 */
package dev.engranaje.workers.finance.reconcile;
