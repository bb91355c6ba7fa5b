package dev.engranaje.engine.expression;

import java.util.Optional;

/**
 * A cheap check of a FEEL expression's size before it is parsed: its length, and the depth of its
 * nested brackets ({@code ( [ {}), counted in one pass that skips string literals. Stateless.
 */
public final class ExpressionScan {
  static final String TOO_LONG = "it is %d characters long, more than the limit of %d"
      + " (raise it with --max-expression-length)";
  static final String TOO_DEEP = "its brackets nest %d deep, more than the limit of %d"
      + " (raise it with --max-expression-nesting)";

  private ExpressionScan() {}

  /** @return why the expression is over a limit, or empty when it is within both */
  public static Optional<String> check(String expression, int maxLength, int maxNesting) {
    if (expression.length() > maxLength) {
      return Optional.of(String.format(TOO_LONG, expression.length(), maxLength));
    }
    int depth = nesting(expression);
    return depth > maxNesting ? Optional.of(String.format(TOO_DEEP, depth, maxNesting)) : Optional.empty();
  }

  /** The deepest bracket nesting outside string literals. */
  static int nesting(String expression) {
    int depth = 0;
    int deepest = 0;
    boolean inString = false;
    for (int i = 0; i < expression.length(); i++) {
      char c = expression.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '(' || c == '[' || c == '{') {
        deepest = Math.max(deepest, ++depth);
      } else if (c == ')' || c == ']' || c == '}') {
        depth = Math.max(0, depth - 1);
      }
    }
    return deepest;
  }
}
