package dev.engranaje.test;

/**
 * Entry point for assertions on process instances, AssertJ style:
 *
 * <pre>{@code
 * assertThat(instance).isCompleted().hasPassedElementsInOrder("parse", "match", "end");
 * }</pre>
 *
 * Each assertion first waits until the engine is idle; a failing one prints the instance's record log.
 */
public final class ProcessAssertions {
  private ProcessAssertions() {}

  public static ProcessInstanceAssert assertThat(ProcessInstance instance) {
    return new ProcessInstanceAssert(instance);
  }
}
