package dev.engranaje.workers.api;

/**
 * A technical problem: a server down, a timeout, a file that cannot be read. A {@linkplain
 * #retryable(String, Throwable) retryable} failure fails the job with one retry less and an
 * exponential backoff; a {@linkplain #permanent(String) permanent} one (bad input, a hostile file, a
 * side effect in doubt) fails it with no retries left, so an operator sees an incident at once
 * instead of waiting for retries that cannot succeed. Any other exception a worker throws counts as
 * retryable.
 */
public final class TechnicalFailure extends Exception {
  private final boolean retryable;

  private TechnicalFailure(String message, Throwable cause, boolean retryable) {
    super(message, cause);
    this.retryable = retryable;
  }

  public static TechnicalFailure retryable(String message, Throwable cause) {
    return new TechnicalFailure(message, cause, true);
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
}
