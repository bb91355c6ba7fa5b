package dev.engranaje.engine.record;

public enum JobBatchIntent implements Intent {
  ACTIVATE,
  ACTIVATED
}
