/** Publishing messages and expiring buffered ones. */
package dev.engranaje.engine.processing.message;
