package dev.engranaje.engine.gateway;

/**
 * What the engine reports about itself: one broker, one partition, and the health of what serves
 * it (processor, log writer, storage).
 */
public record Topology(String host, int port, String version, EngineHealth health) {

  /** A topology of a healthy engine. */
  public Topology(String host, int port, String version) {
    this(host, port, version, EngineHealth.up());
  }
}
