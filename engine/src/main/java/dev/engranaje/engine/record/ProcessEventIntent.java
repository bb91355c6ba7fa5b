package dev.engranaje.engine.record;

/** TRIGGERING stores a trigger on its scope; TRIGGERED consumes it (the element it names is activated). */
public enum ProcessEventIntent implements Intent {
  TRIGGERING,
  TRIGGERED
}
