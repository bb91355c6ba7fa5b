package dev.engranaje.engine.model;

/** Which timer attribute an event uses. */
public enum TimerKind {
  DATE,
  DURATION,
  CYCLE
}
