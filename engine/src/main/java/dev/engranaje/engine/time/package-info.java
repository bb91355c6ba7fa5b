/** Engine time: every timer, deadline, TTL and backoff reads an injected {@link java.time.Clock}. */
package dev.engranaje.engine.time;
