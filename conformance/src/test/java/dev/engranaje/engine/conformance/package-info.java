/**
 * Conformance with Zeebe's semantics (spec §14), driven only through the official Camunda client
 * against the embedded engine, asserting on the record log.
 */
package dev.engranaje.engine.conformance;
