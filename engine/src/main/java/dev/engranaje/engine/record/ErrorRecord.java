package dev.engranaje.engine.record;

/** A BPMN error thrown by a job or an error end event. */
public record ErrorRecord(
    String errorCode, String errorMessage, long processInstanceKey, long throwingElementInstanceKey, String catchElementId)
    implements RecordValue {}
