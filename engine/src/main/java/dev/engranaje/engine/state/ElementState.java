package dev.engranaje.engine.state;

/** Where an element instance is in its lifecycle; completed and terminated instances are removed. */
public enum ElementState {
  ACTIVATING,
  ACTIVATED,
  COMPLETING,
  TERMINATING
}
