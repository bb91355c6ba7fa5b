/**
 * Bank account identifier checks: IBAN (ISO 13616: characters, country, country length, BBAN
 * format, mod-97 check digits) and BIC (ISO 9362 format), through {@code org.iban4j}, with
 * "Expected …, but …" messages that say which part is wrong.
 */
package dev.engranaje.workers.finance.iban;
