/**
 * The unattended worker host behind {@code rpa worker}: the {@code worker.yaml} configuration
 * ({@link dev.engranaje.workers.host.WorkerConfigLoader}), the assembly of catalog, secrets, ledger
 * and runtime ({@link dev.engranaje.workers.host.WorkerHost}), Prometheus metrics and the loopback
 * health endpoint.
 */
package dev.engranaje.workers.host;
