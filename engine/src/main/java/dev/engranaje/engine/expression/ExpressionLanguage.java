package dev.engranaje.engine.expression;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.feel.FeelEngineClock;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;

/**
 * Parses model attributes into {@link Expression}s and evaluates them with the Camunda FEEL engine.
 * {@code now()} reads the engine clock. Thread-safe.
 *
 * <p>The FEEL engine takes a noticeable part of a second to build, so it is built on first use
 * (or by {@link #warmUp()} on a spare thread), not when this object is created.
 */
public final class ExpressionLanguage {
  private final Clock clock;
  private volatile FeelEngineApi feel;

  public ExpressionLanguage(Clock clock) {
    this.clock = clock;
  }

  /** Builds the FEEL engine now, so that the first expression does not wait for it. */
  public void warmUp() {
    parse("=1 + 1");
  }

  private FeelEngineApi feel() {
    FeelEngineApi engine = feel;
    if (engine == null) {
      synchronized (this) {
        engine = feel;
        if (engine == null) {
          FeelEngineClock feelClock = () -> ZonedDateTime.now(clock);
          engine = FeelEngineBuilder.forJava().withClock(feelClock).build();
          feel = engine;
        }
      }
    }
    return engine;
  }

  /**
   * Parses a raw attribute value: {@code =expr} is FEEL, anything else a static string.
   *
   * @throws IllegalArgumentException when the FEEL does not parse, with the parser's message
   */
  public Expression parse(String raw) {
    String text = raw == null ? "" : raw.trim();
    if (!text.startsWith("=")) {
      return new Expression(text, null);
    }
    String feelText = text.substring(1).trim();
    ParseResult result = feel().parseExpression(feelText);
    if (!result.isSuccess()) {
      throw new IllegalArgumentException(
          "Expected a valid FEEL expression, but '" + feelText + "' failed to parse: " + result.failure().message());
    }
    return new Expression(feelText, result.parsedExpression());
  }

  /** Parses text that is FEEL even without a leading {@code =} (conditions, output sources). */
  public Expression parseFeel(String raw) {
    String text = raw == null ? "" : raw.trim();
    return parse(text.startsWith("=") ? text : "=" + text);
  }

  /** Evaluates an expression against variables (JSON-compatible Java values). */
  public EvaluationResult evaluate(Expression expression, Map<String, Object> variables) {
    if (!expression.isFeel()) {
      return EvaluationResult.success(expression.staticValue());
    }
    org.camunda.feel.api.EvaluationResult result = feel().evaluate(expression.parsed(), variables);
    if (!result.isSuccess()) {
      return EvaluationResult.failure(
          "Expected to evaluate expression '" + expression.text() + "', but it failed: " + result.failure().message());
    }
    Object value = FeelValues.toJsonValue(result.result());
    if (value == null && result.hasSuppressedFailures()) {
      String warnings =
          result.getSuppressedFailures().stream()
              .map(f -> f.failureMessage())
              .collect(Collectors.joining("; "));
      return new EvaluationResult.Success(null, warnings);
    }
    return EvaluationResult.success(value);
  }
}
