package dev.engranaje.workers.ledger;

/**
 * Thrown by a side effect when it cannot tell whether it took effect (e.g. the connection dropped
 * after the mail was handed to the server). The ledger entry is kept as started, so the job is not
 * retried blindly: an operator checks, then forgets the entry to let it act again.
 */
public final class SideEffectInDoubt extends Exception {
  public SideEffectInDoubt(String message, Throwable cause) {
    super(message, cause);
  }
}
