/**
 * ISO 20022 pain.001 customer credit transfer initiation: a payment-run model
 * ({@link dev.engranaje.workers.finance.pain001.PaymentRun}), a writer for pain.001.001.03 and
 * pain.001.001.09 that validates each file against the official XSD before it is released, and a
 * reader for the pain.001 variants banks send back (ISO, SIX .ch.02, DK .003.03, newer versions).
 */
package dev.engranaje.workers.finance.pain001;
