/**
 * Bank statements in one normalised model ({@link dev.engranaje.workers.finance.statement.BankStatement}),
 * whatever the bank delivered: ISO 20022 camt.052/053/054, SWIFT MT940/MT942, or a CSV/xlsx export
 * read through a declared profile. Amounts are signed from the account holder's view: a credit (money
 * in) is positive, a debit is negative.
 */
package dev.engranaje.workers.finance.statement;
