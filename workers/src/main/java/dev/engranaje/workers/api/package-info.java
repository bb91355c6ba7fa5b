/**
 * What a worker author uses: {@link dev.engranaje.workers.api.JobWorker}, its {@link
 * dev.engranaje.workers.api.JobType}, the {@link dev.engranaje.workers.api.JobContext} handed to each
 * job, and the two kinds of failure ({@link dev.engranaje.workers.api.BusinessError}, {@link
 * dev.engranaje.workers.api.TechnicalFailure}).
 */
package dev.engranaje.workers.api;
