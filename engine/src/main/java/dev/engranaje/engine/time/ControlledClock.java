package dev.engranaje.engine.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that only moves when told to, so timers of days can be tested in milliseconds.
 * Thread-safe: tests move it while the engine reads it.
 */
public final class ControlledClock extends Clock {
  private final AtomicLong millis;

  public ControlledClock(Instant start) {
    this.millis = new AtomicLong(start.toEpochMilli());
  }

  /** A clock standing at the current system time. */
  public static ControlledClock startingNow() {
    return new ControlledClock(Instant.now());
  }

  public void advance(Duration duration) {
    millis.addAndGet(duration.toMillis());
  }

  public void set(Instant instant) {
    millis.set(instant.toEpochMilli());
  }

  @Override
  public long millis() {
    return millis.get();
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis.get());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
