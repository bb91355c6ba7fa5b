package dev.engranaje.cli.ops;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Applies one operation to many items with a few requests in flight, reporting progress on stderr
 * about every tenth of the way, and returns one outcome per item in the order given. A failed item
 * does not stop the others.
 *
 * @param <T> the item type
 */
final class BatchRun<T> {
  static final int IN_FLIGHT = 8;

  /** How one item went: {@code error} is null on success. */
  record Outcome<T>(T item, String error) {
    boolean succeeded() {
      return error == null;
    }
  }

  private final String verb;
  private final PrintWriter progress;

  /**
   * @param verb what is done, for the progress line ("Retried")
   * @param progress where progress goes (stderr)
   */
  BatchRun(String verb, PrintWriter progress) {
    this.verb = verb;
    this.progress = progress;
  }

  List<Outcome<T>> run(List<T> items, Function<T, CompletionStage<?>> operation) throws InterruptedException {
    Semaphore slots = new Semaphore(IN_FLIGHT);
    List<CompletableFuture<Outcome<T>>> pending = new ArrayList<>(items.size());
    AtomicInteger done = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    int step = Math.max(1, items.size() / 10);
    for (T item : items) {
      slots.acquire();
      CompletableFuture<Outcome<T>> outcome = start(operation, item)
          .handle((ignored, error) -> new Outcome<>(item, error == null ? null : message(error)));
      pending.add(outcome.whenComplete((result, ignored) -> {
        slots.release();
        if (!result.succeeded()) {
          failed.incrementAndGet();
        }
        int count = done.incrementAndGet();
        if (count % step == 0 || count == items.size()) {
          synchronized (progress) {
            progress.printf("%s %d/%d (%d%%), %d failed%n", verb, count, items.size(), count * 100L / items.size(),
                failed.get());
            progress.flush();
          }
        }
      }));
    }
    return pending.stream().map(CompletableFuture::join).toList();
  }

  private static <T> CompletableFuture<?> start(Function<T, CompletionStage<?>> operation, T item) {
    try {
      return operation.apply(item).toCompletableFuture();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** The engine's own words when it refused, else the failure. */
  static String message(Throwable error) {
    Throwable cause = error;
    while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    var problem = EngineFeatures.problem(cause);
    if (problem != null) {
      String detail = problem.details() == null ? problem.getMessage() : problem.details().getDetail();
      return "HTTP " + problem.code() + ": " + detail;
    }
    return cause.getMessage() == null ? cause.toString() : cause.getMessage();
  }
}
