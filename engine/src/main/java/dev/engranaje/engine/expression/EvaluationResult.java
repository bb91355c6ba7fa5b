package dev.engranaje.engine.expression;

/** The outcome of evaluating an expression: a JSON-compatible value or a failure message. */
public sealed interface EvaluationResult {

  /** {@code value} is null, Boolean, String, Long, Double, a List or a Map of those. */
  /**
   * @param warnings FEEL's warnings when the value is null because something was missing, else null
   */
  record Success(Object value, String warnings) implements EvaluationResult {}

  record Failure(String message) implements EvaluationResult {}

  static EvaluationResult success(Object value) {
    return new Success(value, null);
  }

  static EvaluationResult failure(String message) {
    return new Failure(message);
  }
}
