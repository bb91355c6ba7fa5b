package dev.engranaje.engine.record;

/** Lifecycle of a subscription to a signal (spec §12). */
public enum SignalSubscriptionIntent implements Intent {
  CREATED,
  DELETED
}
