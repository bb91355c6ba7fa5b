/**
 * Operator commands of {@code rpa}: list and inspect instances, incidents, jobs, tasks, processes,
 * variables and decisions, and repair them (retry, cancel, set variables, publish messages,
 * complete tasks), all through the official Camunda client's API so they work against the embedded
 * engine and a Camunda 8.8+ cluster alike. Listings share {@link dev.engranaje.cli.ops.Listing}: an
 * aligned table for people, {@code --json} with documented field names for scripts.
 */
package dev.engranaje.cli.ops;
