/**
 * The append-only record log's vocabulary: every state change the engine makes is one record
 * (value type, intent, key, position, timestamp, value). Records are the audit trail, the source
 * for monitoring, and, replayed in order, the engine's durable state.
 */
package dev.engranaje.engine.record;
