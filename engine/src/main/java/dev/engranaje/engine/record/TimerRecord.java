package dev.engranaje.engine.record;

/**
 * A timer. {@code elementInstanceKey} is the activity whose boundary event it belongs to; {@code
 * repetitions} is -1 for an unbounded cycle, 1 for a one-off timer.
 */
public record TimerRecord(
    long elementInstanceKey,
    long processInstanceKey,
    long processDefinitionKey,
    String targetElementId,
    long dueDate,
    int repetitions,
    String tenantId)
    implements RecordValue {}
