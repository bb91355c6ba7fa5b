package dev.engranaje.engine.processing;

import dev.engranaje.engine.gateway.Rejection;
import java.util.concurrent.CompletableFuture;

/**
 * The answer to one command. Completing it only schedules the answer: it is released after the
 * batch that produced it is committed. A reply may be kept (parked) and completed in a later batch.
 */
public final class Reply<T> {
  private final CompletableFuture<T> future = new CompletableFuture<>();
  private final CommandProcessor processor;
  private boolean answered;

  Reply(CommandProcessor processor) {
    this.processor = processor;
  }

  public void complete(T value) {
    if (answered) {
      return;
    }
    answered = true;
    processor.afterCommit(new PendingAnswer(() -> future.complete(value), future::completeExceptionally));
  }

  public void reject(Rejection rejection) {
    if (answered) {
      return;
    }
    answered = true;
    processor.afterCommit(new PendingAnswer(() -> future.completeExceptionally(rejection), future::completeExceptionally));
  }

  /** Fails at once, without waiting for a commit: used when the command's records were discarded. */
  void failNow(Throwable error) {
    answered = true;
    future.completeExceptionally(error);
  }

  public boolean isAnswered() {
    return answered;
  }

  CompletableFuture<T> future() {
    return future;
  }
}
