/** Bank statement parser: export. */
package dev.engranaje.workers.finance.statement.export;
