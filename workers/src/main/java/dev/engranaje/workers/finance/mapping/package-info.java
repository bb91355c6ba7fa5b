/**
 * The YAML mapping files that say how a CSV or xlsx file is laid out (the ledger mapping, the bank
 * export profile, the supplier master mapping): one reader of their keys, values and shared
 * {@code locale} section, so every such file refuses unknown keys and wrong values with the same
 * messages.
 */
package dev.engranaje.workers.finance.mapping;
