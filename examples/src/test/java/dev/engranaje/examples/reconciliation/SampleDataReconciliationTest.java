package dev.engranaje.examples.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.workers.finance.ledger.LedgerItem;
import dev.engranaje.workers.finance.ledger.LedgerMapping;
import dev.engranaje.workers.finance.ledger.LedgerReader;
import dev.engranaje.workers.finance.reconcile.GroupStatus;
import dev.engranaje.workers.finance.reconcile.MatchGroup;
import dev.engranaje.workers.finance.reconcile.MatchRules;
import dev.engranaje.workers.finance.reconcile.Matcher;
import dev.engranaje.workers.finance.reconcile.Reconciliation;
import dev.engranaje.workers.finance.statement.BalanceCheck;
import dev.engranaje.workers.finance.statement.StatementEntry;
import dev.engranaje.workers.finance.statement.StatementFile;
import dev.engranaje.workers.finance.statement.StatementReader;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The committed sample data read by the finance pack's own parsers and matched with the committed
 * rules: balances check, camt.053 and MT940 agree, and every truth group comes out as the truth says.
 */
class SampleDataReconciliationTest {
  private static final Path SAMPLES = Path.of("bank-reconciliation");

  @ParameterizedTest
  @ValueSource(strings = {"statement-2026-11.camt053.xml", "statement-2026-11.mt940.sta"})
  void shouldMatchAsTheTruthSaysWhenTheMonthIsReconciled(String statement) throws Exception {
    // given
    StatementFile file = new StatementReader().read(SAMPLES.resolve(statement), statement, "auto");
    List<LedgerItem> items = LedgerReader.read(SAMPLES.resolve("ledger-open-items-2026-11.xlsx"), "ledger",
        LedgerMapping.read(SAMPLES.resolve("ledger-mapping.yaml"), "ledger-mapping.yaml"));
    List<StatementEntry> entries = file.statements().get(0).entries();

    // when
    Reconciliation result = new Matcher(MatchRules.read(SAMPLES.resolve("match-rules.yaml"))).reconcile(entries, items);

    // then
    assertThat(BalanceCheck.problems(file)).isEmpty();
    assertThat(entries).hasSize(312);
    Set<String> groups = result.groups().stream().map(SampleDataReconciliationTest::key).collect(Collectors.toSet());
    Set<String> missed = new HashSet<>();
    SampleData month = SampleData.generate(SampleDataGenerator.SEED, SampleDataGenerator.MONTH, SampleData.Sizes.MONTH);
    for (TruthRow truth : month.truth()) {
      if (truth.expected().equals("confirmed") && !groups.contains(key("confirmed", truth.bankRefs(), truth.ledgerIds()))) {
        missed.add(truth.matchCase() + " " + truth.bankRefs() + " " + truth.ledgerIds());
      }
    }
    assertThat(missed).as("confirmable truth groups not confirmed").isEmpty();
    // nothing the truth leaves to a person is confirmed
    Set<String> review = month.truth().stream().filter(t -> !t.expected().equals("confirmed"))
        .flatMap(t -> t.bankRefs().stream()).collect(Collectors.toSet());
    assertThat(result.groups()).filteredOn(g -> g.status() == GroupStatus.CONFIRMED)
        .allSatisfy(g -> assertThat(g.bankRefs()).doesNotContainAnyElementsOf(review));
    assertThat(result.suggested()).isGreaterThanOrEqualTo(8);
  }

  @Test
  void shouldReadTheSameEntriesWhenTheStatementIsCamtOrMt940() throws Exception {
    // given
    StatementReader reader = new StatementReader();

    // when
    List<StatementEntry> camt = reader.read(SAMPLES.resolve("statement-2026-11.camt053.xml"), "camt", "auto")
        .statements().get(0).entries();
    List<StatementEntry> mt940 = reader.read(SAMPLES.resolve("statement-2026-11.mt940.sta"), "mt940", "auto")
        .statements().get(0).entries();

    // then
    assertThat(mt940.stream().map(e -> e.entryId() + " " + e.amount() + " " + e.bookingDate()).toList())
        .isEqualTo(camt.stream().map(e -> e.entryId() + " " + e.amount() + " " + e.bookingDate()).toList());
  }

  private static String key(MatchGroup group) {
    return key(group.status().name().toLowerCase(Locale.ROOT), group.bankRefs(), group.ledgerIds());
  }

  private static String key(String status, List<String> bankRefs, List<String> ledgerIds) {
    return status + " " + bankRefs.stream().sorted().toList() + " " + ledgerIds.stream().sorted().toList();
  }
}
