/** Creating, cancelling, modifying and migrating process instances. */
package dev.engranaje.engine.processing.instance;
