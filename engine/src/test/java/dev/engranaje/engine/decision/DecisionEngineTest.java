package dev.engranaje.engine.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** The dmn-scala facade on its own: parsing, result shapes per hit policy, failures. */
class DecisionEngineTest {
  private static final DecisionEngine ENGINE = new DecisionEngine(Clock.systemUTC());

  @Test
  void shouldParseDecisionRequirementsAndDecisions() {
    ParsedDecisionRequirements parsed = ENGINE.parse(fixture("invoice-approval.dmn"));

    assertThat(parsed.id()).isEqualTo("invoice-approval");
    assertThat(parsed.name()).isEqualTo("Invoice approval");
    assertThat(parsed.decisions()).containsExactly(
        new ParsedDecisionRequirements.Decision("invoice-approval-level", "Invoice approval level", null));
  }

  @Test
  void shouldGiveTheSingleOutputValueWithMatchedRule() {
    ParsedDecisionRequirements parsed = ENGINE.parse(fixture("invoice-approval.dmn"));

    DecisionOutcome outcome = ENGINE.evaluate(parsed, "invoice-approval-level",
        Map.of("amount", 2500, "supplierCategory", "preferred"));

    assertThat(outcome).isInstanceOf(DecisionOutcome.Evaluated.class);
    assertThat(((DecisionOutcome.Evaluated) outcome).output()).isEqualTo("\"team-lead\"");
    EvaluatedDecision evaluated = outcome.evaluatedDecisions().get(0);
    assertThat(evaluated.matchedRules()).extracting(EvaluatedDecision.MatchedRule::ruleId, EvaluatedDecision.MatchedRule::ruleIndex)
        .containsExactly(Tuple.tuple("preferred-supplier", 2));
    assertThat(evaluated.evaluatedInputs()).extracting(EvaluatedDecision.EvaluatedInput::inputValue)
        .containsExactly("2500", "\"preferred\"");
  }

  @Test
  void shouldGiveAnObjectForSeveralOutputsAndAListForCollect() {
    DecisionOutcome routing = ENGINE.evaluate(ENGINE.parse(fixture("invoice-routing.dmn")), "invoice-routing",
        Map.of("amount", 8000, "supplierCategory", "standard"));
    DecisionOutcome checks = ENGINE.evaluate(ENGINE.parse(fixture("invoice-checks.dmn")), "invoice-checks",
        Map.of("amount", 8000, "supplierCategory", "new", "currency", "USD"));

    assertThat(((DecisionOutcome.Evaluated) routing).output()).isEqualTo("{\"approverGroup\":\"controlling\",\"slaDays\":7}");
    assertThat(((DecisionOutcome.Evaluated) checks).output())
        .isEqualTo("[\"four-eyes\",\"vendor-verification\",\"fx-rate-check\"]");
  }

  @Test
  void shouldGiveNullWhenNoRuleMatches() {
    DecisionOutcome outcome = ENGINE.evaluate(ENGINE.parse(fixture("invoice-approval.dmn")), "invoice-approval-level",
        Map.of("amount", -5, "supplierCategory", "standard"));

    assertThat(((DecisionOutcome.Evaluated) outcome).output()).isEqualTo("null");
  }

  @Test
  void shouldFailWhenUniqueHitPolicyMatchesSeveralRules() {
    DecisionOutcome outcome = ENGINE.evaluate(ENGINE.parse(fixture("invoice-routing.dmn")), "invoice-routing",
        Map.of("amount", 25000, "supplierCategory", "new"));

    assertThat(outcome).isInstanceOf(DecisionOutcome.Failed.class);
    assertThat(((DecisionOutcome.Failed) outcome).message())
        .contains("multiple values aren't allowed for UNIQUE hit policy");
  }

  @Test
  void shouldRejectInvalidFeelAndUnknownElementsWhenParsing() {
    assertThatThrownBy(() -> ENGINE.parse(fixture("broken-invalid-feel.dmn")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("failed to parse expression '<= = 10'");
    assertThatThrownBy(() -> ENGINE.parse(fixture("broken-not-dmn.dmn")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Expected a valid DMN model, but").hasMessageContaining("decisionMatrix");
  }

  static byte[] fixture(String name) {
    try (InputStream in = DecisionEngineTest.class.getResourceAsStream("/dmn/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
