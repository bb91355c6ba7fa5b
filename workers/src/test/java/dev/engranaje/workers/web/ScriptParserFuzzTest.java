package dev.engranaje.workers.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.engranaje.workers.api.TechnicalFailure;
import dev.engranaje.workers.fuzz.ByteMutations;
import dev.engranaje.workers.fuzz.Resources;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Issue 9's fuzzing of the web step-script parser: real scripts (YAML and JSON) mutated ({@link
 * ByteMutations}) and parsed. Each parses or fails with a permanent {@link TechnicalFailure} whose
 * message names the source; never another exception type, never a hang.
 */
class ScriptParserFuzzTest {
  private static final Duration HANG = Duration.ofSeconds(30);
  private static final String SOURCE = "input 'script'";
  private static final String JSON = "{\"browser\": \"htmlunit\", \"timeout\": \"10s\", \"steps\": [{\"open\": \"${portal}/login\"},"
      + " {\"type\": {\"target\": \"css=#user\", \"text\": \"${user}\"}}, {\"click\": \"text=Sign in\"},"
      + " {\"waitFor\": {\"visible\": [\"css=#welcome\", \"css=.login-error\"]}},"
      + " {\"extract\": {\"table\": \"css=#invoices\", \"as\": \"invoices\"}}]}";

  @TestFactory
  Stream<DynamicTest> shouldParseOrFailNamingTheSourceWhenAScriptIsMutated() {
    ByteMutations mutations = new ByteMutations(List.of(Resources.read("/web/portal-statement.yaml"),
        JSON.getBytes(StandardCharsets.UTF_8)), ByteMutations.SEED);
    ScriptParser parser = new ScriptParser(Duration.ofSeconds(10));
    return IntStream.range(0, ByteMutations.tries(200)).mapToObj(i -> {
      ByteMutations.Mutant mutant = mutations.next();
      return DynamicTest.dynamicTest("script " + i + ": " + mutant.how(), () -> assertTimeoutPreemptively(HANG, () -> {
        try {
          parser.parse(mutant.text(), SOURCE);
        } catch (TechnicalFailure failure) {
          assertThat(failure.isRetryable()).isFalse();
          assertThat(failure.getMessage()).contains(SOURCE);
        }
      }));
    });
  }
}
