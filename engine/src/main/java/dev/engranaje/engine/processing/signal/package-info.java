/** Signal start events and broadcasts (spec §7.3). */
package dev.engranaje.engine.processing.signal;
