package dev.engranaje.engine.gateway;

/**
 * The engine's readiness, per part: the processor thread, the log writer thread and the storage.
 * The engine is ready (serves commands) only when all three are {@link Status#UP}. Immutable.
 *
 * @param processor the single writer that runs commands
 * @param logWriter the thread that commits batches to the record log
 * @param storage the database: DOWN while the disk is full or failing (the engine probes it and
 *     comes back by itself)
 */
public record EngineHealth(Component processor, Component logWriter, Component storage) {

  /** UP serves; DOWN does not. */
  public enum Status { UP, DOWN }

  /** One part's status, with a sentence saying why when it is down (null when up). */
  public record Component(Status status, String detail) {
    public static final Component UP = new Component(Status.UP, null);

    public static Component down(String detail) {
      return new Component(Status.DOWN, detail);
    }
  }

  /** All parts up. */
  public static EngineHealth up() {
    return new EngineHealth(Component.UP, Component.UP, Component.UP);
  }

  /** True when every part is up. */
  public boolean ready() {
    return processor.status() == Status.UP && logWriter.status() == Status.UP && storage.status() == Status.UP;
  }

  public Status status() {
    return ready() ? Status.UP : Status.DOWN;
  }
}
