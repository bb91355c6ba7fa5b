package dev.engranaje.engine.processing;

/**
 * A fatal error (any {@link Throwable} that is not an ordinary command failure: {@link
 * StackOverflowError}, {@link OutOfMemoryError}, a failure of recovery or of the log writer) that
 * stopped the engine. After it the engine accepts no commands (they answer 503 at once); what was
 * committed before stays committed. Immutable.
 *
 * @param thread the engine thread that failed: {@value CommandProcessor#PROCESSOR} or {@value
 *     CommandProcessor#LOG_WRITER}
 * @param work what that thread was doing, e.g. {@code timer 22517998136852 of process 'billing'
 *     (element 'every-10s')}
 * @param error what was thrown
 */
public record FatalFailure(String thread, String work, Throwable error) {

  /** One line for an operator: what failed, on which work, and what to do. */
  public String message() {
    return "Expected the engine's " + thread + " to keep running, but it failed with " + error.getClass().getName()
        + (error.getMessage() == null ? "" : ": " + error.getMessage()) + " while processing " + work
        + "; the engine stopped accepting commands (committed data is kept): restart it";
  }
}
