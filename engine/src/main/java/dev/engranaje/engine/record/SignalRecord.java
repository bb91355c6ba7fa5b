package dev.engranaje.engine.record;

/** A broadcast signal: its name and its variables (a JSON object). Signals are never buffered. */
public record SignalRecord(String signalName, String variables, String tenantId) implements RecordValue {}
