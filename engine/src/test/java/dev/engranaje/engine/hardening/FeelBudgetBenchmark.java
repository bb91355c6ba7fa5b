package dev.engranaje.engine.hardening;

import dev.engranaje.engine.expression.Expression;
import dev.engranaje.engine.expression.ExpressionLanguage;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * Not a test: the cost of the FEEL budget on normal expressions, as microseconds per evaluation of
 * the bare FEEL engine versus {@link ExpressionLanguage} (inline for small loop-free expressions, on
 * a FEEL thread for the others). Run on a quiet machine:
 *
 * <pre>
 * java -cp engine/target/test-classes:engine/target/classes:$(cat cp.txt) \
 *     dev.engranaje.engine.hardening.FeelBudgetBenchmark
 * </pre>
 */
public final class FeelBudgetBenchmark {
  private static final int ROUNDS = 5;
  private static final int EVALUATIONS = 20_000;

  private FeelBudgetBenchmark() {}

  public static void main(String[] args) {
    FeelEngineApi bare = FeelEngineBuilder.forJava().build();
    ExpressionLanguage budgeted = new ExpressionLanguage(Clock.systemUTC());
    Map<String, Object> variables = Map.of("x", 42L, "order", Map.of("total", 120L, "items", List.of(1L, 2L, 3L)));
    for (String text : List.of("x > 10", "order.total * 1.21", "if x > 10 then \"big\" else \"small\"",
        "sum(for i in order.items return i * 2)", "count(order.items[item > 1])")) {
      ParsedExpression parsed = bare.parseExpression(text).parsedExpression();
      Expression expression = budgeted.parse("=" + text);
      double bareMicros = 0;
      double budgetedMicros = 0;
      for (int round = 0; round < ROUNDS; round++) {
        bareMicros = time(() -> bare.evaluate(parsed, variables));
        budgetedMicros = time(() -> budgeted.evaluate(expression, variables));
      }
      System.out.printf("%-45s %s: bare %.1f us, budgeted %.1f us%n", text,
          expression.bounded() ? "inline    " : "FEEL thread", bareMicros, budgetedMicros);
    }
  }

  private static double time(Runnable evaluation) {
    long started = System.nanoTime();
    for (int i = 0; i < EVALUATIONS; i++) {
      evaluation.run();
    }
    return (System.nanoTime() - started) / 1_000.0 / EVALUATIONS;
  }
}
