/**
 * Incident alerts: an optional webhook told of every new incident, retried with backoff until the
 * receiver takes it, and caught up after a restart from the incidents still open.
 */
package dev.engranaje.engine.alert;
