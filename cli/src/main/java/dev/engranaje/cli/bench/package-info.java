/**
 * {@code rpa bench}: measures throughput, job activation latency, startup and recovery of the
 * embedded engine, driven by the official Camunda client over loopback REST.
 */
package dev.engranaje.cli.bench;
