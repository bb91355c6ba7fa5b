package dev.engranaje.examples;

import dev.engranaje.engine.testkit.TestEngine;
import dev.engranaje.engine.time.ControlledClock;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A durable test engine for a scenario test, with a controlled clock that starts at a chosen moment
 * (so a timer start never fires while a test runs) and runs on with real time (so the workers' long
 * polls end as they would); a test may move it ahead to skip a backoff or a deadline.
 */
public final class FlowingEngine implements AutoCloseable {
  private final TestEngine engine;
  private final ScheduledExecutorService ticker;
  private final InstanceWaits waits;

  private FlowingEngine(TestEngine engine, ScheduledExecutorService ticker) {
    this.engine = engine;
    this.ticker = ticker;
    this.waits = new InstanceWaits(engine);
  }

  public static FlowingEngine start(Path directory, Instant start) {
    ControlledClock clock = new ControlledClock(start);
    TestEngine engine = TestEngine.durable(directory, clock);
    return new FlowingEngine(engine, InstanceWaits.flowing(clock));
  }

  /** Something that starts the peers around the engine. */
  @FunctionalInterface
  public interface Peers<T> {
    T start() throws IOException;
  }

  /** Starts the peers (a stack); if that fails, stops this engine before the failure goes on. */
  public <T> T around(Peers<T> peers) throws IOException {
    try {
      return peers.start();
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  public TestEngine engine() {
    return engine;
  }

  public InstanceWaits waits() {
    return waits;
  }

  @Override
  public void close() {
    ticker.shutdownNow();
    engine.close();
  }
}
