package dev.engranaje.workers.http;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Waits between attempts of one job. The default parks the handling thread on the JDK's delayed
 * executor; tests pass one that records the waits instead of spending them.
 *
 * <p>Implementations are thread-safe.
 */
@FunctionalInterface
public interface Pause {
  /** Waits on the JDK's delayed executor. */
  Pause DELAYED_EXECUTOR = duration -> {
    if (duration.isZero() || duration.isNegative()) {
      return;
    }
    try {
      CompletableFuture.runAsync(() -> {}, CompletableFuture.delayedExecutor(duration.toMillis(), TimeUnit.MILLISECONDS)).get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("Expected the delayed executor to finish a no-op, but it failed", e);
    }
  };

  void pause(Duration duration) throws InterruptedException;
}
