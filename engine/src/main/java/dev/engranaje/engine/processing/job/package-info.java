/** Job commands: activation (with long polling), completion, failure, errors, retries, timeouts. */
package dev.engranaje.engine.processing.job;
