/** Batch operations: created over the instances a filter matched, processed in small chunks. */
package dev.engranaje.engine.processing.batch;
