/**
 * XML parsing and schema validation with the safe settings every finance reader shares: no DTDs, no
 * external entities, no external schema or DTD access, secure processing on. Error messages name
 * the file and the line and column the parser reported.
 */
package dev.engranaje.workers.finance.securexml;
