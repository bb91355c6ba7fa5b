package dev.engranaje.engine.gateway;

/** A command the engine refused, with a message meant for the person who sent it. */
public final class Rejection extends RuntimeException {
  private final RejectionType type;

  public Rejection(RejectionType type, String message) {
    super(message, null, false, false);
    this.type = type;
  }

  public RejectionType type() {
    return type;
  }
}
