package dev.engranaje.workers.api;

/**
 * An action visible outside the process (a mail sent, a file uploaded, a POST made), run at most
 * once per idempotency key through {@link JobContext#once(String, Class, SideEffect)}. Throw {@link
 * dev.engranaje.workers.ledger.SideEffectInDoubt} when it cannot tell whether it took effect; any
 * other exception means it certainly did not, and the job may act again on retry.
 */
@FunctionalInterface
public interface SideEffect<T> {
  T perform() throws Exception;
}
