package dev.engranaje.workers.finance.report;

import dev.engranaje.workers.finance.ledger.LedgerItem;
import dev.engranaje.workers.finance.reconcile.Confidence;
import dev.engranaje.workers.finance.reconcile.Evidence;
import dev.engranaje.workers.finance.reconcile.GroupStatus;
import dev.engranaje.workers.finance.reconcile.MatchGroup;
import dev.engranaje.workers.finance.statement.Balance;
import dev.engranaje.workers.finance.statement.BankStatement;
import dev.engranaje.workers.finance.statement.Counterparty;
import dev.engranaje.workers.finance.statement.EntryStatus;
import dev.engranaje.workers.finance.statement.StatementEntry;
import dev.engranaje.workers.finance.statement.StatementFile;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A small known reconciliation: one confirmed match, one suggestion, one unmatched entry and item. */
final class ReportFixtures {
  static final LocalDate DAY = LocalDate.of(2026, 11, 27);

  private ReportFixtures() {}

  static StatementEntry entry(String ref, String amount, String name, String remittance) {
    return new StatementEntry(ref, ref, DAY, DAY.plusDays(1), new BigDecimal(amount), "EUR", EntryStatus.BOOKED, null,
        new Counterparty(name, "DE89370400440532013000", null), remittance, "PMNT-RCDT-ESCT", List.of());
  }

  static final List<StatementEntry> ENTRIES = List.of(
      entry("B-1", "1190.00", "Müller GmbH", "RE-2026-1001"),
      entry("B-2", "99.00", "Becker Bau GmbH", "Rechnung 1006 abzgl. Skonto"),
      entry("B-3", "-12.34", "=HYPERLINK(\"http://evil\")", "@SUM(A1)"));

  static final List<LedgerItem> ITEMS = List.of(
      new LedgerItem("100245", new BigDecimal("1190.00"), "EUR", DAY.minusDays(25), DAY.plusDays(5), "RE-2026-1001",
          "Müller GmbH", null),
      new LedgerItem("100250", new BigDecimal("99.95"), "EUR", DAY.minusDays(13), DAY.plusDays(17), "RE-2026-1006",
          "Becker Bau GmbH", null),
      new LedgerItem("100249", new BigDecimal("420.00"), "EUR", DAY.minusDays(15), null, "RE-2026-1005", "+Fischer OHG",
          null));

  static StatementFile statementFile() {
    return new StatementFile("stmt.xml", "camt.053.001.08", "00", List.of(new BankStatement("STMT-1", "7",
        "DE12500105170648489890", "DE12500105170648489890", "EUR", new Balance(new BigDecimal("1000.00"), DAY),
        new Balance(new BigDecimal("2276.66"), DAY), DAY, ENTRIES)));
  }

  static ReconciliationResult result() {
    StatementSummary statement = StatementSummary.of(statementFile());
    return ReconciliationResult.of(statement, LedgerSummary.of("op.xlsx", ITEMS, 2), "defaults", List.of(
        new MatchGroup(GroupStatus.CONFIRMED, List.of("B-1"), List.of("100245"), "exact-reference", Confidence.HIGH,
            new BigDecimal("0.00"), List.of(new Evidence("reference", "RE-2026-1001", "RE-2026-1001", "normalised reference"))),
        new MatchGroup(GroupStatus.SUGGESTED, List.of("B-2"), List.of("100250"), "amount-tolerance", Confidence.MEDIUM,
            new BigDecimal("-0.95"), List.of(new Evidence("amount", "99.00", "99.95", "within 1%"),
                new Evidence("counterparty", "Becker Bau GmbH", "Becker Bau GmbH", "normalised name"))),
        new MatchGroup(GroupStatus.UNMATCHED, List.of("B-3"), List.of(), null, null, new BigDecimal("-12.34"), List.of()),
        new MatchGroup(GroupStatus.UNMATCHED, List.of(), List.of("100249"), null, null, new BigDecimal("-420.00"),
            List.of())));
  }
}
