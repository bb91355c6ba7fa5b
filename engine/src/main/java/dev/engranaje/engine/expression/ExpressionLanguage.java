package dev.engranaje.engine.expression;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.feel.FeelEngineClock;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.camunda.feel.context.JavaFunction;
import org.camunda.feel.context.JavaFunctionProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.syntaxtree.ValFatalError;
import org.camunda.feel.syntaxtree.ValNumber;

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
  static final String RANGE_TOO_LARGE = "its range %s..%s has %s items, more than the FEEL budget of %d"
      + " (raise it with --max-feel-range)";
  /** Longer expressions are parsed on a FEEL thread: the parser recurses about once per character. */
  private static final int PARSE_INLINE_LENGTH = 200;
  /** How much of an expression a failure message shows. */
  private static final int SHOWN_LENGTH = 200;

  static final String PRODUCT_TOO_LARGE = "its %d iterators combine into more than %d items, the FEEL budget"
      + " (raise it with --max-feel-range)";

  /** Set by the range check on the evaluating thread when it refused a range. */
  private static final ThreadLocal<String> REFUSED_RANGE = new ThreadLocal<>();
  /** The running products of the iterator lists of the multi-iterator loops being evaluated. */
  private static final ThreadLocal<java.util.ArrayDeque<Long>> PRODUCTS = ThreadLocal.withInitial(java.util.ArrayDeque::new);

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
          engine = FeelEngineBuilder.forJava().withClock(feelClock).withFunctionProvider(new RangeCheck(budget))
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
    FeelThreads.Outcome<Object> outcome = feelText.length() <= PARSE_INLINE_LENGTH
        ? new FeelThreads.Outcome.Done<>(parseAndGuard(feelText))
        : FeelThreads.run(() -> parseAndGuard(feelText));
    Object parsed = outcome instanceof FeelThreads.Outcome.Failed<Object> failed
        ? failed.reason() : ((FeelThreads.Outcome.Done<Object>) outcome).value();
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
    FeelThreads.Outcome<Object> outcome = feelText.length() <= PARSE_INLINE_LENGTH
        ? new FeelThreads.Outcome.Done<>(parseAndGuard(feelText))
        : FeelThreads.run(() -> parseAndGuard(feelText));
    Object parsed = outcome instanceof FeelThreads.Outcome.Failed<Object> failed
        ? failed.reason() : ((FeelThreads.Outcome.Done<Object>) outcome).value();
    return parsed instanceof Expression ? Optional.empty() : Optional.of(String.valueOf(parsed));
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
    REFUSED_RANGE.remove();
    PRODUCTS.get().clear();
    org.camunda.feel.api.EvaluationResult result = feel().evaluate(expression.parsed(), variables);
    String refused = REFUSED_RANGE.get();
    if (refused != null) {
      REFUSED_RANGE.remove();
      return EvaluationResult.failure(String.format(OVER_BUDGET, shown(expression.text()), refused));
    }
    if (!result.isSuccess()) {
      return EvaluationResult.failure(
          "Expected to evaluate expression '" + shown(expression.text()) + "', but it failed: "
              + result.failure().message());
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

  /** The expression as failure messages show it: at most {@value #SHOWN_LENGTH} characters. */
  static String shown(String text) {
    return text.length() <= SHOWN_LENGTH ? text : text.substring(0, SHOWN_LENGTH) + "… (" + text.length()
        + " characters)";
  }

  /** The function every range end is wrapped in (see {@link FeelAst}): refuses ranges over the budget. */
  private static final class RangeCheck extends JavaFunctionProvider {
    private final JavaFunction check;
    private final JavaFunction iterator;

    RangeCheck(FeelBudget budget) {
      this.check = new JavaFunction(List.of("start", "end"), arguments -> {
        Val start = arguments.get(0);
        Val end = arguments.get(1);
        if (start instanceof ValNumber from && end instanceof ValNumber to) {
          java.math.BigDecimal items = to.value().bigDecimal().subtract(from.value().bigDecimal()).abs()
              .add(java.math.BigDecimal.ONE);
          if (items.compareTo(java.math.BigDecimal.valueOf(budget.maxRangeItems())) > 0) {
            String reason = String.format(RANGE_TOO_LARGE, from.value(), to.value(), items.toPlainString(),
                budget.maxRangeItems());
            REFUSED_RANGE.set(reason);
            return new ValFatalError(reason);
          }
        }
        return end;
      });
      this.iterator = new JavaFunction(List.of("index", "count", "list"), arguments -> {
        int index = ((ValNumber) arguments.get(0)).value().intValue();
        int count = ((ValNumber) arguments.get(1)).value().intValue();
        Val list = arguments.get(2);
        long size = list instanceof org.camunda.feel.syntaxtree.ValList items ? items.itemsAsSeq().size() : 1;
        java.util.ArrayDeque<Long> products = PRODUCTS.get();
        long product = index == 0 || products.isEmpty() ? size : multiply(products.pop(), size);
        if (product > budget.maxRangeItems()) {
          products.clear();
          String reason = String.format(PRODUCT_TOO_LARGE, count, budget.maxRangeItems());
          REFUSED_RANGE.set(reason);
          return new ValFatalError(reason);
        }
        if (index < count - 1) {
          products.push(product);
        }
        return list;
      });
    }

    private static long multiply(long a, long b) {
      try {
        return Math.multiplyExact(a, b);
      } catch (ArithmeticException overflow) {
        return Long.MAX_VALUE;
      }
    }

    @Override
    public Optional<JavaFunction> resolveFunction(String functionName) {
      if (FeelAst.RANGE_END.equals(functionName)) {
        return Optional.of(check);
      }
      return FeelAst.ITERATOR.equals(functionName) ? Optional.of(iterator) : Optional.empty();
    }

    @Override
    public java.util.Collection<String> getFunctionNames() {
      return List.of(FeelAst.RANGE_END, FeelAst.ITERATOR);
    }
  }
}
