package dev.engranaje.engine.record;

/** An escalation thrown by an intermediate throw or end event; catchElementId is null when uncaught. */
public record EscalationRecord(
    String escalationCode, long processInstanceKey, String throwElementId, String catchElementId)
    implements RecordValue {}
