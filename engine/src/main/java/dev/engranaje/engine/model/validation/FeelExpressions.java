package dev.engranaje.engine.model.validation;

import dev.engranaje.engine.expression.ExpressionLanguage;
import java.time.Clock;
import java.util.Optional;

/**
 * Parses FEEL expressions (values starting with {@code =}) without evaluating them. Long ones are
 * parsed on a large-stack FEEL thread (see {@link ExpressionLanguage}); {@link ModelLimitScan} has
 * refused those over the length and nesting limits before.
 */
final class FeelExpressions {

  static final String PREFIX = "=";

  private static final ExpressionLanguage ENGINE = new ExpressionLanguage(Clock.systemUTC());

  private FeelExpressions() {}

  static boolean isExpression(String value) {
    return value != null && value.trim().startsWith(PREFIX);
  }

  /**
   * Parses a value that starts with {@code =}.
   *
   * @return the parser's error message, or empty when the expression parses
   */
  static Optional<String> parseError(String value) {
    String expression = value.trim().substring(PREFIX.length());
    try {
      return ENGINE.parseFailure(expression);
    } catch (RuntimeException e) {
      return Optional.of("failed to parse expression '" + expression + "': " + e.getMessage());
    }
  }
}
