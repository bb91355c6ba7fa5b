/**
 * The outcome of a reconciliation for people and programs: the stable result JSON ({@link
 * dev.engranaje.workers.finance.report.ReconciliationJson}, shared by {@code rpa reconcile --json}
 * and the match worker), the accountant's review decisions, and the xlsx report ({@link
 * dev.engranaje.workers.finance.report.ReconciliationReportWriter}).
 */
package dev.engranaje.workers.finance.report;
