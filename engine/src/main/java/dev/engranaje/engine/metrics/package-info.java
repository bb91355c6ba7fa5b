/** Prometheus metrics of the embedded engine, counted from the committed record log (Micrometer). */
package dev.engranaje.engine.metrics;
