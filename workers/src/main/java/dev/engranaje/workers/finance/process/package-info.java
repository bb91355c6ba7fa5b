/**
 * The finance job workers that wire statements, ledger, matching and the report into processes
 * ({@code rpa:finance.*:1}). Big data (ledger items, match results) lives in workspace JSON files;
 * variables carry references, counts, a small capped review list and money as exact decimal strings.
 */
package dev.engranaje.workers.finance.process;
