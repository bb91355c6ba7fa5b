/** Bank statement parser: camt. */
package dev.engranaje.workers.finance.statement.camt;
