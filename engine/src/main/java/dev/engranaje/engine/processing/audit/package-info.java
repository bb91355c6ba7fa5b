/** The operations audit log's writing side: entries become {@code AUDIT_LOG} records. */
package dev.engranaje.engine.processing.audit;
