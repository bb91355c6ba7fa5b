package dev.engranaje.engine.record;

public enum TimerIntent implements Intent {
  CREATED,
  TRIGGERED,
  CANCELED
}
