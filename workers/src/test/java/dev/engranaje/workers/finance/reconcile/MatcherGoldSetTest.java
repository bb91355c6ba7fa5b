package dev.engranaje.workers.finance.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.workers.finance.reconcile.synthetic.GoldScore;
import dev.engranaje.workers.finance.reconcile.synthetic.GoldSet;
import dev.engranaje.workers.finance.reconcile.synthetic.SyntheticReconciliation;
import org.junit.jupiter.api.Test;

class MatcherGoldSetTest {
  @Test
  void shouldConfirmOnlyCorrectGroupsAndFindNearlyAllWhenScoredAgainstTheGoldSet() {
    // given
    GoldSet gold = SyntheticReconciliation.generate(20261207L, 600);

    // when
    Reconciliation result = new Matcher(MatchRules.defaults()).reconcile(gold.entries(), gold.items());
    GoldScore score = GoldScore.of(gold, result);
    System.out.println(score.toTable());

    // then
    assertThat(score.confirmedPrecision()).isEqualTo(1.0);
    assertThat(score.confirmableRecall()).isGreaterThanOrEqualTo(0.95);
  }
}
