/**
 * Fault and abuse tests (issue 9): hostile inputs get the documented error or incident and the engine keeps
 * serving; fatal errors, quarantine, the data-directory lock, storage failures and limits.
 */
package dev.engranaje.engine.hardening;
