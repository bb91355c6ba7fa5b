/**
 * The worker runtime: serves {@link dev.engranaje.workers.api.JobWorker}s through the Camunda client,
 * mapping inputs, outcomes, secrets and backoff the same way for every job type.
 */
package dev.engranaje.workers.runtime;
