package dev.engranaje.workers.api;

import java.time.Duration;
import java.util.Optional;

/**
 * A technical problem: a server down, a timeout, a file that cannot be read. A {@linkplain
 * #retryable(String, Throwable) retryable} failure fails the job with one retry less and an
 * exponential backoff; a {@linkplain #permanent(String) permanent} one (bad input, a hostile file, a
 * side effect in doubt) fails it with no retries left, so an operator sees an incident at once
 * instead of waiting for retries that cannot succeed. Any other exception a worker throws counts as
 * retryable. A retryable failure may {@linkplain #retryableAfter(String, Duration, Throwable) name its
 * own backoff} when the peer said when to come back (an HTTP {@code Retry-After}).
 */
public final class TechnicalFailure extends Exception {
  private final boolean retryable;
  private final transient Duration backoff;

  private TechnicalFailure(String message, Throwable cause, boolean retryable, Duration backoff) {
    super(message, cause);
    this.retryable = retryable;
    this.backoff = backoff;
  }

  private TechnicalFailure(String message, Throwable cause, boolean retryable) {
    this(message, cause, retryable, null);
  }

  public static TechnicalFailure retryable(String message, Throwable cause) {
    return new TechnicalFailure(message, cause, true);
  }

  /** Retryable, with the wait before the next attempt instead of the runtime's exponential backoff. */
  public static TechnicalFailure retryableAfter(String message, Duration backoff, Throwable cause) {
    if (backoff == null || backoff.isNegative()) {
      throw new IllegalArgumentException("Expected a backoff >= 0, but got " + backoff);
    }
    return new TechnicalFailure(message, cause, true, backoff);
  }

  public static TechnicalFailure permanent(String message) {
    return new TechnicalFailure(message, null, false);
  }

  public static TechnicalFailure permanent(String message, Throwable cause) {
    return new TechnicalFailure(message, cause, false);
  }

  public boolean isRetryable() {
    return retryable;
  }

  /** The backoff the failure asks for; empty means the runtime's exponential backoff. */
  public Optional<Duration> backoff() {
    return Optional.ofNullable(backoff);
  }
}
