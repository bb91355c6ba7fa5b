package dev.engranaje.engine.record;

/**
 * One entry of the record log. {@code position} is the log order (1-based, gap-free); {@code key}
 * identifies the entity the record is about (element instance, job, incident, ...).
 */
public record Record(
    long position,
    long key,
    long timestamp,
    RecordType recordType,
    ValueType valueType,
    Intent intent,
    RecordValue value) {}
