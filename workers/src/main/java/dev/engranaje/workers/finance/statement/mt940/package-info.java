/** Bank statement parser: mt940. */
package dev.engranaje.workers.finance.statement.mt940;
