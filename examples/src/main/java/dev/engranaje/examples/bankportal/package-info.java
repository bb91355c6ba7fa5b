/**
 * A mock online-banking portal on loopback for the bank-reconciliation demo and tests: a login with
 * a password and CSRF tokens, a statement list rendered by JavaScript, statement downloads as
 * camt.053 and MT940, and an outage switch. The supplier-payment scenario adds its payment upload
 * and status pages to the same portal.
 */
package dev.engranaje.examples.bankportal;
