package dev.engranaje.engine.record;

public enum FormIntent implements Intent {
  CREATED
}
