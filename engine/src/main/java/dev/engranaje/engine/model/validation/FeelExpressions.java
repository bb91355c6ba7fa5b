package dev.engranaje.engine.model.validation;

import java.util.Optional;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;

/** Parses FEEL expressions (values starting with {@code =}) without evaluating them. */
final class FeelExpressions {

  static final String PREFIX = "=";

  private static final FeelEngineApi ENGINE = FeelEngineBuilder.forJava().build();

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
      ParseResult result = ENGINE.parseExpression(expression);
      return result.isSuccess() ? Optional.empty() : Optional.of(result.failure().message());
    } catch (RuntimeException e) {
      return Optional.of("failed to parse expression '" + expression + "': " + e.getMessage());
    }
  }
}
