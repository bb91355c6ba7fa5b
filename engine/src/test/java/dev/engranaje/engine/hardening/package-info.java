/** Fault and abuse tests (issue 9): fatal errors, quarantine, the data-directory lock, storage failures, limits. */
package dev.engranaje.engine.hardening;
