package dev.engranaje.engine.expression;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.feel.FeelEngineClock;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * Parses model attributes into {@link Expression}s and evaluates them with the Camunda FEEL engine.
 * {@code now()} reads the engine clock. Thread-safe.
 *
 * <p>The FEEL engine takes a noticeable part of a second to build, so it is built on first use
 * (or by {@link #warmUp()} on a spare thread), not when this object is created.
 *
 * <p><b>Budgets.</b> Every evaluation stays within a {@link FeelBudget}: a small loop-free
 * expression (see {@link FeelAst}) runs on the caller's thread, as its cost is bounded by its
 * size; any other runs on a large-stack FEEL thread ({@link FeelThreads}) that is interrupted when
 * it runs too long or allocates too much, and a {@code for} range larger than the budget is refused
 * before FEEL builds it. Exhausting the budget, a stack overflow or an out-of-memory error inside
 * FEEL are an {@link EvaluationResult.Failure} naming the expression and the budget, so they become
 * an incident on the element, never a dead processor. Parsing a long expression also runs on a
 * FEEL thread, so a deeply nested one cannot overflow the caller's stack.
 */
public final class ExpressionLanguage {
  static final String OVER_BUDGET = "Expected to evaluate expression '%s' within its budget, but %s";
  static final String RESULT_TOO_LARGE = "its result is more than %d bytes as JSON, the limit for variables"
      + " (raise it with --max-variables-size)";
  /** Longer expressions are parsed on a FEEL thread: the parser recurses about once per character. */
  private static final int PARSE_INLINE_LENGTH = 100;
  /** How much of an expression a failure message shows. */
  private static final int SHOWN_LENGTH = 200;

  private final Clock clock;
  private final FeelBudget budget;
  private volatile FeelEngineApi feel;

  public ExpressionLanguage(Clock clock) {
    this(clock, FeelBudget.DEFAULTS);
  }

  public ExpressionLanguage(Clock clock, FeelBudget budget) {
    this.clock = clock;
    this.budget = budget;
  }

  public FeelBudget budget() {
    return budget;
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
          engine = FeelEngineBuilder.forJava().withClock(feelClock).withFunctionProvider(new BudgetFunctions(budget))
              .build();
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
    Object parsed = parseSafely(feelText);
    if (parsed instanceof Expression expression) {
      return expression;
    }
    throw new IllegalArgumentException(
        "Expected a valid FEEL expression, but '" + shown(feelText) + "' failed to parse: " + parsed);
  }

  /**
   * Parses FEEL text (without the leading {@code =}) only to check it.
   *
   * @return the parser's message, or empty when the text parses
   */
  public Optional<String> parseFailure(String feelText) {
    Object parsed = parseSafely(feelText);
    return parsed instanceof Expression ? Optional.empty() : Optional.of(String.valueOf(parsed));
  }

  /** Parses short text here and long text on a large-stack FEEL thread; see {@link #parseAndGuard}. */
  private Object parseSafely(String feelText) {
    FeelThreads.Outcome<Object> outcome = feelText.length() <= PARSE_INLINE_LENGTH
        ? new FeelThreads.Outcome.Done<>(parseAndGuard(feelText))
        : FeelThreads.run(() -> parseAndGuard(feelText));
    return outcome instanceof FeelThreads.Outcome.Failed<Object> failed
        ? failed.reason() : ((FeelThreads.Outcome.Done<Object>) outcome).value();
  }

  /** @return the guarded {@link Expression}, or the parser's message */
  private Object parseAndGuard(String feelText) {
    ParseResult result = feel().parseExpression(feelText);
    if (!result.isSuccess()) {
      return result.failure().message();
    }
    FeelAst.Guarded guarded = FeelAst.guard(result.parsedExpression().expression());
    return new Expression(feelText, new ParsedExpression(guarded.expression(), feelText), guarded.bounded());
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
    FeelThreads.Outcome<EvaluationResult> outcome = expression.bounded()
        ? new FeelThreads.Outcome.Done<>(evaluateHere(expression, variables))
        : FeelThreads.run(() -> evaluateHere(expression, variables), budget);
    if (outcome instanceof FeelThreads.Outcome.Failed<EvaluationResult> failed) {
      return EvaluationResult.failure(String.format(OVER_BUDGET, shown(expression.text()), failed.reason()));
    }
    return ((FeelThreads.Outcome.Done<EvaluationResult>) outcome).value();
  }

  private EvaluationResult evaluateHere(Expression expression, Map<String, Object> variables) {
    BudgetFunctions.startEvaluation();
    org.camunda.feel.api.EvaluationResult result = feel().evaluate(expression.parsed(), variables);
    String refused = BudgetFunctions.refusal();
    if (refused != null) {
      return EvaluationResult.failure(String.format(OVER_BUDGET, shown(expression.text()), refused));
    }
    if (!result.isSuccess()) {
      return EvaluationResult.failure(
          "Expected to evaluate expression '" + shown(expression.text()) + "', but it failed: "
              + result.failure().message());
    }
    Object value = FeelValues.toJsonValue(result.result());
    if (ResultSize.exceeds(value, budget.maxResultBytes())) {
      return EvaluationResult.failure(String.format(OVER_BUDGET, shown(expression.text()),
          String.format(RESULT_TOO_LARGE, budget.maxResultBytes())));
    }
    if (value == null && result.hasSuppressedFailures()) {
      String warnings =
          result.getSuppressedFailures().stream()
              .map(f -> f.failureMessage())
              .collect(Collectors.joining("; "));
      return new EvaluationResult.Success(null, warnings);
    }
    return EvaluationResult.success(value);
  }

  /** The expression as failure messages show it: at most {@value #SHOWN_LENGTH} characters. */
  static String shown(String text) {
    return text.length() <= SHOWN_LENGTH ? text : text.substring(0, SHOWN_LENGTH) + "… (" + text.length()
        + " characters)";
  }
}
