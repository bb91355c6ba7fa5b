/**
 * ISO 20022 pain.002 customer payment status reports: parsed at group, payment-information
 * (PmtInf) and transaction level ({@link dev.engranaje.workers.finance.pain002.Pain002Reader}) and
 * matched back to the payments of a released pain.001 run
 * ({@link dev.engranaje.workers.finance.pain002.StatusMatcher}).
 */
package dev.engranaje.workers.finance.pain002;
