package dev.engranaje.engine.api.rest;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The memory all request bodies being read or handled may hold at once. Each body is bounded on
 * its own ({@link ServerLimits#maxRequestBodyBytes()}), but 512 connections each sending 16 MiB
 * would still hold 8 GiB; a body that does not fit is refused with 503 before it is buffered.
 * Thread-safe.
 */
final class RequestBodyBudget {

  private final long capacity;
  private final AtomicLong inUse = new AtomicLong();

  RequestBodyBudget(long capacity) {
    this.capacity = capacity;
  }

  /** Takes {@code bytes} from the budget if they fit; false (and nothing taken) if they do not. */
  boolean reserve(long bytes) {
    while (true) {
      long current = inUse.get();
      if (current + bytes > capacity) {
        return false;
      }
      if (inUse.compareAndSet(current, current + bytes)) {
        return true;
      }
    }
  }

  void release(long bytes) {
    inUse.addAndGet(-bytes);
  }

  long capacity() {
    return capacity;
  }

  long inUse() {
    return inUse.get();
  }
}
