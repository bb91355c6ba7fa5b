package dev.engranaje.workers.finance.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.engranaje.workers.finance.reconcile.GroupStatus;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReconciliationJsonTest {
  private static byte[] json(ReconciliationResult result) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ReconciliationJson.write(result, out);
    return out.toByteArray();
  }

  @Test
  void shouldWriteTheDocumentedShapeWithLowerCaseStatusAndMoneyAsStringsWhenAResultIsWritten() throws Exception {
    // when
    JsonNode root = new ObjectMapper().readTree(json(ReportFixtures.result()));

    // then
    assertThat(root.get("statement").get("account").asText()).isEqualTo("DE12500105170648489890");
    assertThat(root.get("statement").get("openingBalance").get("amount").isTextual()).isTrue();
    assertThat(root.get("statement").get("openingBalance").get("amount").asText()).isEqualTo("1000.00");
    assertThat(root.get("counts").get("unmatchedLedger").asInt()).isEqualTo(1);
    JsonNode first = root.get("groups").get(0);
    assertThat(first.get("status").asText()).isEqualTo("confirmed");
    assertThat(first.get("confidence").asText()).isEqualTo("high");
    assertThat(first.get("difference").asText()).isEqualTo("0.00");
    assertThat(first.get("bankRefs").get(0).asText()).isEqualTo("B-1");
    assertThat(first.get("evidence").get(0).get("comparison").asText()).isEqualTo("normalised reference");
    JsonNode unmatched = root.get("groups").get(2);
    assertThat(unmatched.get("status").asText()).isEqualTo("unmatched");
    assertThat(unmatched.get("rule").isNull()).isTrue();
    assertThat(unmatched.get("confidence").isNull()).isTrue();
    assertThat(unmatched.has("note")).isFalse();
  }

  @Test
  void shouldReadBackTheSameResultWhenWrittenJsonIsRead() throws Exception {
    // given
    ReconciliationResult result = new ReviewDecisions(List.of("G2"), null, "anna").applyTo(ReportFixtures.result(),
        Map.of(), Map.of());

    // when
    ReconciliationResult read = ReconciliationJson.read(new ByteArrayInputStream(json(result)));

    // then
    assertThat(read).isEqualTo(result);
    assertThat(json(read)).isEqualTo(json(result));
  }

  @Test
  void shouldKeepTheCurrencyScaleWhenADifferenceHasFewerDecimals() {
    assertThat(ReconciliationJson.difference(new BigDecimal("-1"), 2)).isEqualTo("-1.00");
    assertThat(ReconciliationJson.difference(null, 2)).isEqualTo("0.00");
    assertThat(ReconciliationJson.difference(new BigDecimal("5"), 0)).isEqualTo("5");
    assertThat(ReconciliationJson.difference(new BigDecimal("0.125"), 2)).isEqualTo("0.125");
  }

  @Test
  void shouldSayWhatIsWrongWhenTheFileIsNotAResult() {
    assertThatThrownBy(() -> ReconciliationJson.read(new ByteArrayInputStream("{\"x\": 1}".getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(IOException.class).hasMessage(String.format(ReconciliationJson.BROKEN,
            "it has no 'statement' object and 'groups' list"));
  }

  @Test
  void shouldRefuseDecisionsAboutGroupsThatAreNotSuggestionsWhenReviewing() {
    ReconciliationResult result = ReportFixtures.result();
    assertThatThrownBy(() -> new ReviewDecisions(List.of("G1"), null, null).applyTo(result, Map.of(), Map.of()))
        .hasMessage(String.format(ReviewDecisions.UNKNOWN_GROUP, "G1", "a confirmed group", "[G2]"));
    assertThatThrownBy(() -> new ReviewDecisions(List.of("G9"), null, null).applyTo(result, Map.of(), Map.of()))
        .hasMessage(String.format(ReviewDecisions.UNKNOWN_GROUP, "G9", ReviewDecisions.NO_SUCH_GROUP, "[G2]"));
    assertThatThrownBy(() -> new ReviewDecisions(List.of("G2"), List.of("G2"), null).applyTo(result, Map.of(), Map.of()))
        .hasMessage(String.format(ReviewDecisions.BOTH, "G2"));
  }

  @Test
  void shouldSplitARejectedSuggestionIntoUnmatchedEntriesAndItemsWhenReviewing() {
    // when
    ReconciliationResult reviewed = new ReviewDecisions(null, List.of("G2"), null).applyTo(ReportFixtures.result(),
        Map.of("B-2", new BigDecimal("99.00")), Map.of("100250", new BigDecimal("99.95")));

    // then
    assertThat(reviewed.withStatus(GroupStatus.SUGGESTED)).isEmpty();
    assertThat(reviewed.counts()).isEqualTo(new ReconciliationResult.Counts(1, 0, 2, 2));
    assertThat(reviewed.groups()).extracting(ReconciliationResult.Group::id).containsExactly("G1", "G2.1", "G2.2", "G3",
        "G4");
    assertThat(reviewed.groups().get(2).match().difference()).isEqualByComparingTo("-99.95");
  }
}
