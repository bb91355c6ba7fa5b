package dev.engranaje.workers.ledger;

import java.util.List;
import java.util.Optional;

/**
 * A durable record of side effects (a mail sent, a file uploaded, a POST made), keyed by an
 * idempotency key, so a job delivered again after a crash returns the recorded result instead of
 * acting twice. Implementations are thread-safe and durable before they return.
 */
public interface IdempotencyLedger extends AutoCloseable {

  Optional<LedgerEntry> find(String key);

  /** Records that the side effect is about to happen. Fails if the key is already recorded. */
  void start(String key, String jobType, long jobKey);

  /** Records that the side effect happened, with the result the worker returned. */
  void done(String key, String resultJson);

  /**
   * Removes an entry: after a failure that certainly had no effect, or when an operator has checked
   * an in-doubt effect and wants the job to act again.
   */
  void forget(String key);

  /** Entries started but never done: effects in doubt, for an operator to check. */
  List<LedgerEntry> inDoubt();

  @Override
  void close();
}
