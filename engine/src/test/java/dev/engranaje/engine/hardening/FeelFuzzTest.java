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
import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Fuzzes FEEL at deploy and at evaluation (issue 9): random token soups, nested structures, loops
 * and arbitrary text. Parsing either succeeds or fails with the documented IllegalArgumentException;
 * validation always answers with findings; evaluation always returns a result within its budget. No
 * other exception escapes, and nothing hangs (the small budget bounds every evaluation). Inputs come
 * from a fixed seed (set {@code -Dfuzz.seed=N} to explore others); each case's name carries the input.
 */
class FeelFuzzTest {
  private static final ExpressionLanguage FEEL = new ExpressionLanguage(Clock.systemUTC(),
      new FeelBudget(Duration.ofMillis(300), 64L * 1024 * 1024, 10_000, 4L * 1024 * 1024));
  private static final DeploymentValidator VALIDATOR = new DeploymentValidator();
  private static final org.camunda.feel.api.FeelEngineApi BARE = org.camunda.feel.api.FeelEngineBuilder.forJava().build();
  private static final Map<String, Object> VARIABLES =
      Map.of("n", 100_000_000L, "s", "text", "l", List.of(1L, 2L, 3L), "o", Map.of("a", 1L));

  private static final List<String> TOKENS = List.of("1", "0", "-1", "100000000", "2.5", "n", "s", "l", "o", "o.a",
      "x", "+", "-", "*", "/", "**", "=", "!=", "<", ">=", "and", "or", "not(", "(", ")", "[", "]", "{", "}", ":",
      ",", "..", "for", "i", "in", "return", "some", "every", "satisfies", "if", "then", "else", "function(", "\"a\"",
      "\"", "null", "true", "count(", "sum(", "string join(", "matches(", "date(", "now()", "instance of", "between",
      "@", "\\", "?", "`", "é", "日本");

  private static final long SEED = Long.getLong("fuzz.seed", 20261207L);

  private static String expression(Random random) {
    return switch (random.nextInt(4)) {
      case 0 -> soup(random, TOKENS, 40);
      case 1 -> {
        String end = pick(random, List.of("1", "n", "-5", "100000000", "l[1]"));
        String body = pick(random, List.of("i", "i * i", "[i, i]", "{a: i}", "string(i)", "for j in 1..3 return j"));
        int iterators = 1 + random.nextInt(3);
        yield "count(for " + String.join(", ", java.util.Collections.nCopies(iterators, "i in 1.." + end))
            + " return " + body + ")";
      }
      case 2 -> {
        String open = pick(random, List.of("(", "[", "{a:"));
        int depth = random.nextInt(401);
        yield open.repeat(depth) + "1" + (open.equals("(") ? ")" : open.equals("[") ? "]" : "}").repeat(depth);
      }
      default -> randomText(random, 120);
    };
  }

  private static String soup(Random random, List<String> tokens, int maxSize) {
    return String.join(" ", IntStream.range(0, random.nextInt(maxSize + 1)).mapToObj(i -> pick(random, tokens)).toList());
  }

  private static String randomText(Random random, int maxLength) {
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(maxLength + 1);
    for (int i = 0; i < length; i++) {
      text.appendCodePoint(random.nextInt(4) == 0 ? random.nextInt(0x3000) : 0x20 + random.nextInt(0x5F));
    }
    return text.toString();
  }

  private static String pick(Random random, List<String> choices) {
    return choices.get(random.nextInt(choices.size()));
  }

  private static Stream<DynamicTest> cases(String salt, int tries, Function<Random, String> generator,
      java.util.function.Consumer<String> check) {
    Random random = new Random(SEED ^ salt.hashCode());
    return IntStream.range(0, tries).mapToObj(i -> {
      String text = generator.apply(random);
      return DynamicTest.dynamicTest("#" + i + " " + shown(text), () -> check.accept(text));
    });
  }

  private static String shown(String text) {
    String printable = text.codePoints().map(c -> c < 0x20 ? '?' : c)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    return printable.length() > 80 ? printable.substring(0, 80) + "…" : printable;
  }

  @TestFactory
  Stream<DynamicTest> shouldParseOrRefuseAndEvaluateWithinBudget() {
    return cases("evaluate", 300, FeelFuzzTest::expression, FeelFuzzTest::parseOrRefuseAndEvaluate);
  }

  private static void parseOrRefuseAndEvaluate(String text) {
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

  private static String smallExpression(Random random) {
    return switch (random.nextInt(3)) {
      case 0 -> soup(random, SMALL_TOKENS, 30);
      case 1 -> "for i in " + pick(random, List.of("1..3", "l", "[1, 2]", "-2..2"))
          + ", j in " + pick(random, List.of("1..2", "l", "[\"a\", \"b\"]"))
          + " return " + pick(random, List.of("i", "[i, j]", "{a: i, b: j}", "i + j", "count(partial)",
              "if i > 1 then i else j"));
      default -> pick(random, List.of("matches", "replace", "split", "extract")) + "("
          + pick(random, List.of("\"a,b,,c\"", "s", "\"Abc\"", "1")) + ", "
          + pick(random, List.of("\",\"", "\"[a-z]\"", "\"(\"", "\"^A\""))
          + pick(random, List.of("", ", \"x\"", ", \"x\", \"i\"", ", \"i\"")) + ")";
    };
  }

  @TestFactory
  Stream<DynamicTest> shouldEvaluateLikeBareFeelWhenWithinBudget() {
    return cases("compare", 300, FeelFuzzTest::smallExpression, FeelFuzzTest::evaluateLikeBareFeel);
  }

  private static void evaluateLikeBareFeel(String text) {
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

  @TestFactory
  Stream<DynamicTest> shouldValidateModelWithAnyExpressionWithoutThrowing() {
    return cases("validate", 150, FeelFuzzTest::expression, FeelFuzzTest::validateWithoutThrowing);
  }

  private static void validateWithoutThrowing(String text) {
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
