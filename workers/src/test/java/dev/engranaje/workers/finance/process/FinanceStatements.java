package dev.engranaje.workers.finance.process;

import dev.engranaje.workers.finance.statement.Balance;
import dev.engranaje.workers.finance.statement.BankStatement;
import dev.engranaje.workers.finance.statement.Counterparty;
import dev.engranaje.workers.finance.statement.EntryStatus;
import dev.engranaje.workers.finance.statement.StatementEntry;
import dev.engranaje.workers.finance.statement.StatementFile;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The November statement that settles the ERP export {@code finance/ledger/op-liste-2026-11.xlsx}:
 * exact references (one entry paying two invoices), a bank fee, a partial payment (a suggestion) and one unknown credit.
 */
final class FinanceStatements {
  private FinanceStatements() {}

  private static StatementEntry entry(String ref, String day, String amount, String name, String iban,
      String remittance) {
    LocalDate date = LocalDate.parse(day);
    return new StatementEntry(ref, ref, date, date, new BigDecimal(amount), "EUR", EntryStatus.BOOKED, null,
        new Counterparty(name, iban, null), remittance, "PMNT-RCDT-ESCT", List.of());
  }

  static StatementFile november() {
    List<StatementEntry> entries = List.of(
        entry("2026112800001", "2026-11-28", "1190.00", "Mueller GmbH", "DE89370400440532013000", "RE-2026-1001"),
        entry("2026112800002", "2026-11-28", "250.50", "Schmidt und Soehne KG", "DE02120300000000202051",
            "Rechnung RE-2026-1002 Kd 10002"),
        entry("2026112800007", "2026-11-28", "1500.00", "WEBER AG", "DE12500105170648489890",
            "RE-2026-1003 / RE-2026-1004"),
        entry("2026112800003", "2026-11-28", "-89.90", "Stadtwerke Koeln GmbH", "DE44370501980000123456",
            "ER-7781 Abschlag November"),
        entry("2026112800004", "2026-11-29", "99.00", "Becker Bau GmbH", "DE27100777770209299700",
            "RE-2026-1006 abzgl. Gebuehr"),
        entry("2026112800005", "2026-11-29", "400.00", "Fischer OHG", "DE75512108001245126199",
            "Teilzahlung RE-2026-1005"),
        entry("2026112800006", "2026-11-30", "77.00", "Unbekannt", null, "Gutschrift Bonus"));
    BigDecimal opening = new BigDecimal("10000.00");
    BigDecimal closing = opening;
    for (StatementEntry entry : entries) {
      closing = closing.add(entry.amount());
    }
    return new StatementFile("camt053-2026-11-30.xml", "camt.053.001.08", "0".repeat(64), List.of(new BankStatement(
        "STMT-2026-11-30", "330", "DE91100000000123456789", "DE91100000000123456789", "EUR",
        new Balance(opening, LocalDate.of(2026, 11, 27)), new Balance(closing, LocalDate.of(2026, 11, 30)),
        LocalDate.of(2026, 11, 30), entries)));
  }
}
