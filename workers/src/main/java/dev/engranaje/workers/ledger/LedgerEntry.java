package dev.engranaje.workers.ledger;

import java.time.Instant;

/**
 * One side effect in the ledger. {@code resultJson} is set once the effect is {@link
 * State#DONE done}; a {@link State#STARTED started} entry whose worker died may or may not have
 * taken effect.
 */
public record LedgerEntry(String key, String jobType, long jobKey, State state, String resultJson, Instant startedAt, Instant doneAt) {

  public enum State {
    STARTED,
    DONE
  }
}
