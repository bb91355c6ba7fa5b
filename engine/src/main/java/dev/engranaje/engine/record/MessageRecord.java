package dev.engranaje.engine.record;

/** A published message; {@code deadline} is when it leaves the buffer. */
public record MessageRecord(
    String name, String correlationKey, long timeToLive, String messageId, String variables, long deadline, String tenantId)
    implements RecordValue {}
