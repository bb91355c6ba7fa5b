package dev.engranaje.engine.record;

public enum RecordType {
  COMMAND,
  EVENT,
  COMMAND_REJECTION
}
