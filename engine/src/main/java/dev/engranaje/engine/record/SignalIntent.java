package dev.engranaje.engine.record;

/** A signal broadcast (spec §7.3, §12). */
public enum SignalIntent implements Intent {
  BROADCAST,
  BROADCASTED
}
