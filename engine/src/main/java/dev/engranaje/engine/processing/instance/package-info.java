/** Creating and cancelling process instances. */
package dev.engranaje.engine.processing.instance;
