/**
 * The finance pack: bank statements ({@code statement}), ledger open items ({@code ledger}) and
 * reconciliation matching ({@code reconcile}). Money is {@link java.math.BigDecimal} in code and an
 * exact decimal string in process variables and workspace files, never a binary floating point number.
 */
package dev.engranaje.workers.finance;
