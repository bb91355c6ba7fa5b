package dev.engranaje.test;

/**
 * A process instance started or found through a {@link ProcessTestEngine}; assert on it with
 * {@link ProcessAssertions#assertThat(ProcessInstance)}.
 */
public final class ProcessInstance {
  private final long key;
  private final ProcessTestEngine engine;

  ProcessInstance(long key, ProcessTestEngine engine) {
    this.key = key;
    this.engine = engine;
  }

  public long key() {
    return key;
  }

  ProcessTestEngine engine() {
    return engine;
  }

  /** This instance's record log, a line per event, as a failing assertion prints it. */
  public String recordLog() {
    return engine.records().format(key);
  }

  @Override
  public String toString() {
    return "process instance " + key;
  }
}
