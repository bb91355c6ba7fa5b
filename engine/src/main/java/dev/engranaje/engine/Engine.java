package dev.engranaje.engine;

import dev.engranaje.engine.gateway.EngineGateway;
import java.net.URI;

/**
 * An embedded, Zeebe-compatible engine: storage, the single-writer processor and (optionally) the
 * REST API. Start with {@link #start(EngineOptions)}; close to stop. Thread-safe.
 */
public final class Engine implements AutoCloseable {

  private Engine() {}

  /** Starts an engine, recovering all state from the data directory when there is one. */
  public static Engine start(EngineOptions options) {
    throw new UnsupportedOperationException("not yet");
  }

  /** The command surface, for in-process callers and the REST API. */
  public EngineGateway gateway() {
    throw new UnsupportedOperationException("not yet");
  }

  /** The REST API's base address, e.g. {@code http://127.0.0.1:8080}. */
  public URI restAddress() {
    throw new UnsupportedOperationException("not yet");
  }

  @Override
  public void close() {}
}
