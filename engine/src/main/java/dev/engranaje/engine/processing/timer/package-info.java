/** Firing due timers. */
package dev.engranaje.engine.processing.timer;
