package dev.engranaje.engine.record;

/** Written when a BPMN error is thrown, whether or not something catches it. */
public enum ErrorIntent implements Intent {
  THROWN
}
