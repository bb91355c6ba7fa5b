package dev.engranaje.engine.processing.signal;

import dev.engranaje.engine.gateway.Rejection;
import dev.engranaje.engine.gateway.RejectionType;
import dev.engranaje.engine.processing.JsonDocuments;
import dev.engranaje.engine.processing.bpmn.behavior.SignalBehavior;

/** The broadcast command (spec §7.3): a signal name is required; variables must be an object. */
public final class SignalHandler {
  private final SignalBehavior signals;

  public SignalHandler(SignalBehavior signals) {
    this.signals = signals;
  }

  /** Broadcasts a signal; returns its key. */
  public long broadcast(String name, String variablesJson, String tenantId) {
    if (name == null || name.isEmpty()) {
      throw new Rejection(RejectionType.INVALID_ARGUMENT, "Expected a signal name, but none was given");
    }
    return signals.broadcast(name, JsonDocuments.entries(variablesJson), tenantId);
  }
}
