package dev.engranaje.engine.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.engranaje.engine.expression.EvaluationResult;
import dev.engranaje.engine.expression.Expression;
import dev.engranaje.engine.expression.ExpressionLanguage;
import dev.engranaje.engine.expression.FeelBudget;
import dev.engranaje.engine.model.validation.DeploymentValidator;
import dev.engranaje.engine.model.validation.ValidatedResource;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzzes FEEL at deploy and at evaluation (issue 9): random token soups, nested structures, loops
 * and arbitrary text. Parsing either succeeds or fails with the documented IllegalArgumentException;
 * validation always answers with findings; evaluation always returns a result within its budget. No
 * other exception escapes, and nothing hangs (the small budget bounds every evaluation).
 */
class FeelFuzzTest {
  private static final ExpressionLanguage FEEL = new ExpressionLanguage(Clock.systemUTC(),
      new FeelBudget(Duration.ofMillis(300), 64L * 1024 * 1024, 10_000));
  private static final DeploymentValidator VALIDATOR = new DeploymentValidator();
  private static final org.camunda.feel.api.FeelEngineApi BARE = org.camunda.feel.api.FeelEngineBuilder.forJava().build();
  private static final Map<String, Object> VARIABLES =
      Map.of("n", 100_000_000L, "s", "text", "l", List.of(1L, 2L, 3L), "o", Map.of("a", 1L));

  private static final List<String> TOKENS = List.of("1", "0", "-1", "100000000", "2.5", "n", "s", "l", "o", "o.a",
      "x", "+", "-", "*", "/", "**", "=", "!=", "<", ">=", "and", "or", "not(", "(", ")", "[", "]", "{", "}", ":",
      ",", "..", "for", "i", "in", "return", "some", "every", "satisfies", "if", "then", "else", "function(", "\"a\"",
      "\"", "null", "true", "count(", "sum(", "string join(", "matches(", "date(", "now()", "instance of", "between",
      "@", "\\", "?", "`", "é", "日本");

  @Provide
  Arbitrary<String> expressions() {
    Arbitrary<String> soup = Arbitraries.of(TOKENS).list().ofMaxSize(40).map(tokens -> String.join(" ", tokens));
    Arbitrary<String> loops = Combinators.combine(Arbitraries.of("1", "n", "-5", "100000000", "l[1]"),
        Arbitraries.of("i", "i * i", "[i, i]", "{a: i}", "string(i)", "for j in 1..3 return j"),
        Arbitraries.integers().between(1, 3))
        .as((end, body, iterators) -> "count(for " + String.join(", ",
            java.util.Collections.nCopies(iterators, "i in 1.." + end)) + " return " + body + ")");
    Arbitrary<String> nested = Combinators.combine(Arbitraries.of("(", "[", "{a:"), Arbitraries.integers().between(0, 400))
        .as((open, depth) -> open.repeat(depth) + "1" + (open.equals("(") ? ")" : open.equals("[") ? "]" : "}")
            .repeat(depth));
    Arbitrary<String> text = Arbitraries.strings().ofMaxLength(120);
    return Arbitraries.oneOf(soup, loops, nested, text);
  }

  @Property(tries = 300)
  void shouldParseOrRefuseAndEvaluateWithinBudget(@ForAll("expressions") String text) {
    Expression expression;
    try {
      expression = FEEL.parse("=" + text);
    } catch (IllegalArgumentException refused) {
      assertThat(refused.getMessage()).startsWith("Expected a valid FEEL expression");
      return;
    }
    Throwable thrown = catchThrowable(() -> {
      EvaluationResult result = FEEL.evaluate(expression, VARIABLES);
      assertThat(result).isNotNull();
    });
    assertThat(thrown).isNull();
  }

  /** Tokens whose combinations stay small, so that the bare FEEL engine can evaluate them too. */
  private static final List<String> SMALL_TOKENS = List.of("1", "0", "-1", "2.5", "3", "s", "l", "o", "o.a", "x",
      "+", "-", "*", "=", "<", "and", "or", "(", ")", "[", "]", "{", "}", ":", ",", "..", "for", "i", "j", "in",
      "return", "some", "every", "satisfies", "if", "then", "else", "\"a\"", "null", "count(", "sum(",
      "string join(", "matches(", "replace(", "split(", "\"[a-z]+\"", "\",\"", "partial");

  @Provide
  Arbitrary<String> smallExpressions() {
    Arbitrary<String> soup = Arbitraries.of(SMALL_TOKENS).list().ofMaxSize(30).map(tokens -> String.join(" ", tokens));
    Arbitrary<String> loops = Combinators.combine(Arbitraries.of("1..3", "l", "[1, 2]", "-2..2"),
        Arbitraries.of("1..2", "l", "[\"a\", \"b\"]"),
        Arbitraries.of("i", "[i, j]", "{a: i, b: j}", "i + j", "count(partial)", "if i > 1 then i else j"))
        .as((first, second, body) -> "for i in " + first + ", j in " + second + " return " + body);
    Arbitrary<String> regex = Combinators.combine(Arbitraries.of("matches", "replace", "split", "extract"),
        Arbitraries.of("\"a,b,,c\"", "s", "\"Abc\"", "1"), Arbitraries.of("\",\"", "\"[a-z]\"", "\"(\"", "\"^A\""),
        Arbitraries.of("", ", \"x\"", ", \"x\", \"i\"", ", \"i\""))
        .as((function, input, pattern, rest) -> function + "(" + input + ", " + pattern + rest + ")");
    return Arbitraries.oneOf(soup, loops, regex);
  }

  @Property(tries = 300)
  void shouldEvaluateLikeBareFeelWhenWithinBudget(@ForAll("smallExpressions") String text) {
    org.camunda.feel.api.ParseResult bareParse = BARE.parseExpression(text);
    if (!bareParse.isSuccess()) {
      assertThat(catchThrowable(() -> FEEL.parse("=" + text))).isInstanceOf(IllegalArgumentException.class);
      return;
    }
    org.camunda.feel.api.EvaluationResult bare = BARE.evaluate(bareParse.parsedExpression(), VARIABLES);
    EvaluationResult budgeted = FEEL.evaluate(FEEL.parse("=" + text), VARIABLES);
    if (bare.isSuccess()) {
      assertThat(budgeted).isInstanceOf(EvaluationResult.Success.class);
      assertThat(((EvaluationResult.Success) budgeted).value())
          .isEqualTo(dev.engranaje.engine.expression.FeelValues.toJsonValue(bare.result()));
    } else {
      assertThat(budgeted).isInstanceOf(EvaluationResult.Failure.class);
    }
  }

  @Property(tries = 150)
  void shouldValidateModelWithAnyExpressionWithoutThrowing(@ForAll("expressions") String text) {
    String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
        + " xmlns:zeebe=\"http://camunda.org/schema/zeebe/1.0\" id=\"d\" targetNamespace=\"t\">"
        + "<bpmn:process id=\"fuzz\" isExecutable=\"true\"><bpmn:startEvent id=\"s\"/>"
        + "<bpmn:serviceTask id=\"task\"><bpmn:extensionElements><zeebe:taskDefinition type=\"t\"/>"
        + "<zeebe:ioMapping><zeebe:input source=\"" + escape("=" + text) + "\" target=\"r\"/></zeebe:ioMapping>"
        + "</bpmn:extensionElements></bpmn:serviceTask>"
        + "<bpmn:sequenceFlow id=\"f\" sourceRef=\"s\" targetRef=\"task\"/></bpmn:process></bpmn:definitions>";

    ValidatedResource result = VALIDATOR.validate("fuzz.bpmn", xml.getBytes(StandardCharsets.UTF_8));

    assertThat(result.resourceName()).isEqualTo("fuzz.bpmn");
    if (!result.isAccepted()) {
      assertThat(result.describe()).contains("fuzz.bpmn");
    }
  }

  private static String escape(String text) {
    StringBuilder escaped = new StringBuilder();
    text.codePoints().forEach(c -> {
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '"' -> escaped.append("&quot;");
        default -> {
          if (c < 0x20 || (c >= 0xD800 && c <= 0xDFFF) || c == 0xFFFE || c == 0xFFFF) {
            escaped.append(' ');
          } else {
            escaped.appendCodePoint(c);
          }
        }
      }
    });
    return escaped.toString();
  }
}
