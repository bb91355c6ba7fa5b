package dev.engranaje.engine.record;

public enum MessageIntent implements Intent {
  PUBLISH,
  PUBLISHED,
  EXPIRED
}
