package dev.engranaje.workers.finance.report;

import dev.engranaje.workers.finance.ledger.LedgerItem;
import dev.engranaje.workers.finance.reconcile.Evidence;
import dev.engranaje.workers.finance.reconcile.GroupStatus;
import dev.engranaje.workers.finance.reconcile.MatchGroup;
import dev.engranaje.workers.finance.statement.Balance;
import dev.engranaje.workers.finance.statement.StatementEntry;
import dev.engranaje.workers.spreadsheet.FormulaInjectionGuard;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Writes the reconciliation report for accountants as xlsx: a Summary sheet (account, statement,
 * period, balances, counts and sums per outcome, rules, review) and one sheet each for Matched,
 * Suggested (with the evidence as readable text and an empty Decision column), Unmatched bank and
 * Unmatched ledger. Data sheets have a bold frozen header row, an autofilter and column widths fitted
 * to their content; money cells are numbers with the currency's decimals, dates are date cells.
 *
 * <p>Exactness: a workbook stores numbers as binary doubles. An amount is written as a number when
 * it has at most the 15 significant digits Excel shows and its double reads back as exactly the
 * same decimal,
 * otherwise as text, so no cell ever shows a rounded amount. Text from the bank or the ERP that a
 * spreadsheet program could take for a formula ({@code =}, {@code +}, {@code -}, {@code @} ...) is
 * written as quoted text ({@link FormulaInjectionGuard}). Streamed with SXSSF, so 100,000 rows stay
 * in bounded memory; the file is written next to the target and moved into place. Stateless.
 */
public final class ReconciliationReportWriter {
  static final String SUMMARY = "Summary";
  static final String MATCHED = "Matched";
  static final String SUGGESTED = "Suggested";
  static final String UNMATCHED_BANK = "Unmatched bank";
  static final String UNMATCHED_LEDGER = "Unmatched ledger";
  static final List<String> MATCH_COLUMNS = List.of("Group", "Rule", "Confidence", "Bank refs", "Booking date",
      "Bank amount", "Counterparty", "Remittance", "Ledger ids", "References", "Partners", "Ledger amount",
      "Difference");
  static final List<String> BANK_COLUMNS = List.of("Bank ref", "Booking date", "Value date", "Amount", "Currency",
      "Counterparty", "Counterparty IBAN", "Remittance", "End-to-end id", "Transaction code", "Note");
  static final List<String> LEDGER_COLUMNS = List.of("Ledger id", "Reference", "Partner", "Partner IBAN",
      "Document date", "Due date", "Amount", "Currency", "Note");

  private ReconciliationReportWriter() {}

  /**
   * Writes the report of {@code result} to {@code target}. {@code entries} and {@code items} are the
   * reconciled bank entries and ledger items (looked up by reference and id for the detail columns).
   */
  public static void write(ReconciliationResult result, List<StatementEntry> entries, List<LedgerItem> items,
      Path target) throws IOException {
    Map<String, StatementEntry> entryByRef = new HashMap<>();
    entries.forEach(entry -> entryByRef.put(entry.entryId(), entry));
    Map<String, LedgerItem> itemById = new HashMap<>();
    items.forEach(item -> itemById.put(item.id(), item));
    ReportWorkbook.write(target, StatementSummary.scale(result.statement().currency()),
        sheets -> new Report(result, entryByRef, itemById, sheets).write());
  }

  /** The evidence of a group as one readable line per fact. */
  public static String evidenceText(MatchGroup group) {
    List<String> lines = new ArrayList<>();
    for (Evidence evidence : group.evidence()) {
      StringBuilder line = new StringBuilder(Objects.requireNonNullElse(evidence.field(), "?")).append(": bank '")
          .append(Objects.requireNonNullElse(evidence.bankValue(), "")).append("', ledger '")
          .append(Objects.requireNonNullElse(evidence.ledgerValue(), "")).append("'");
      if (evidence.comparison() != null && !evidence.comparison().isBlank()) {
        line.append(" (").append(evidence.comparison()).append(')');
      }
      lines.add(line.toString());
    }
    return String.join("\n", lines);
  }

  private record Report(ReconciliationResult result, Map<String, StatementEntry> entries,
      Map<String, LedgerItem> items, ReportWorkbook sheets) {
    void write() {
      summary();
      matches(MATCHED, result.withStatus(GroupStatus.CONFIRMED), false);
      matches(SUGGESTED, result.withStatus(GroupStatus.SUGGESTED), true);
      unmatchedBank();
      unmatchedLedger();
    }

    private void summary() {
      StatementSummary statement = result.statement();
      LedgerSummary ledger = result.ledger();
      ReportWorkbook.Table table = sheets.table(SUMMARY, null);
      table.title("Bank reconciliation");
      table.pair("Account", statement.account());
      table.pair("Currency", statement.currency());
      table.pair("Statement", statement.statementIds());
      table.pair("Sequence", statement.sequence());
      table.pair("Statement file", statement.source() + (statement.format() == null ? "" : " (" + statement.format() + ")"));
      table.pair("Period from", statement.from());
      table.pair("Period to", statement.to());
      balance(table, "Opening balance", statement.opening());
      balance(table, "Closing balance", statement.closing());
      table.pair("Booked entries", statement.entries());
      table.pair("Other entries (not reconciled)", statement.otherEntries());
      table.pair("Credits", statement.credits());
      table.pair("Debits", statement.debits());
      table.pair("Ledger export", ledger.source());
      table.pair("Ledger items", ledger.items());
      table.pair("Open receivables", ledger.receivables());
      table.pair("Open payables", ledger.payables());
      table.pair("Rules", result.rules());
      table.pair("Review", review(result));
      table.blank();
      table.header(List.of("Outcome", "Groups", "Bank entries", "Bank amount", "Ledger items", "Ledger amount"));
      outcome(table, "Confirmed", GroupStatus.CONFIRMED, null);
      outcome(table, "Suggested", GroupStatus.SUGGESTED, null);
      outcome(table, "Unmatched bank", GroupStatus.UNMATCHED, true);
      outcome(table, "Unmatched ledger", GroupStatus.UNMATCHED, false);
      table.finish(false);
    }

    /**
     * How many suggestions the reviewer decided: an accepted one is a confirmed group with a note, a
     * rejected one left unmatched groups with a note ({@code G9.1}, {@code G9.2}: one decision).
     */
    private static String review(ReconciliationResult result) {
      java.util.Set<String> accepted = new java.util.LinkedHashSet<>();
      java.util.Set<String> rejected = new java.util.LinkedHashSet<>();
      for (ReconciliationResult.Group group : result.groups()) {
        if (group.note() == null) {
          continue;
        }
        if (group.match().status() == GroupStatus.CONFIRMED) {
          accepted.add(group.id());
        } else {
          int dot = group.id().indexOf('.');
          rejected.add(dot < 0 ? group.id() : group.id().substring(0, dot));
        }
      }
      if (accepted.isEmpty() && rejected.isEmpty()) {
        return "not reviewed";
      }
      return (accepted.size() + rejected.size()) + " suggestion(s) decided: " + accepted.size() + " accepted, "
          + rejected.size() + " rejected";
    }

    private static void balance(ReportWorkbook.Table table, String label, Balance balance) {
      table.row(List.of(label), balance == null ? List.of("none") : List.of(balance.amount(), balance.date()));
    }

    private void outcome(ReportWorkbook.Table table, String label, GroupStatus status, Boolean bankSide) {
      int groups = 0;
      int bankCount = 0;
      int ledgerCount = 0;
      BigDecimal bank = BigDecimal.ZERO.setScale(sheets.scale());
      BigDecimal ledger = BigDecimal.ZERO.setScale(sheets.scale());
      for (ReconciliationResult.Group group : result.withStatus(status)) {
        MatchGroup match = group.match();
        if (bankSide != null && (bankSide ? match.bankRefs().isEmpty() : match.ledgerIds().isEmpty())) {
          continue;
        }
        groups++;
        if (bankSide == null || bankSide) {
          bankCount += match.bankRefs().size();
          bank = bank.add(bankTotal(match));
        }
        if (bankSide == null || !bankSide) {
          ledgerCount += match.ledgerIds().size();
          ledger = ledger.add(ledgerTotal(match));
        }
      }
      table.row(List.of(label), List.of(groups, bankCount, bank, ledgerCount, ledger));
    }

    private void matches(String name, List<ReconciliationResult.Group> groups, boolean suggestions) {
      List<String> columns = new ArrayList<>(MATCH_COLUMNS);
      columns.addAll(suggestions ? List.of("Evidence", "Decision") : List.of("Note"));
      ReportWorkbook.Table table = sheets.table(name, columns);
      for (ReconciliationResult.Group group : groups) {
        MatchGroup match = group.match();
        List<StatementEntry> bank = match.bankRefs().stream().map(entries::get).filter(Objects::nonNull).toList();
        List<LedgerItem> ledger = match.ledgerIds().stream().map(items::get).filter(Objects::nonNull).toList();
        List<Object> values = new ArrayList<>(List.of(group.id(), text(match.rule()),
            match.confidence() == null ? "" : match.confidence().name().toLowerCase(java.util.Locale.ROOT),
            String.join(", ", match.bankRefs())));
        values.add(bank.isEmpty() ? null : bank.get(0).bookingDate());
        values.add(bankTotal(match));
        values.add(joined(bank, e -> e.counterparty().name()));
        values.add(joined(bank, StatementEntry::remittanceInformation));
        values.add(String.join(", ", match.ledgerIds()));
        values.add(joined(ledger, LedgerItem::reference));
        values.add(joined(ledger, LedgerItem::partnerName));
        values.add(ledgerTotal(match));
        values.add(match.difference() == null ? bankTotal(match).subtract(ledgerTotal(match)) : match.difference());
        if (suggestions) {
          values.add(evidenceText(match));
          values.add(group.note());
        } else {
          values.add(group.note());
        }
        table.data(values);
      }
      table.finish(true);
    }

    private void unmatchedBank() {
      ReportWorkbook.Table table = sheets.table(UNMATCHED_BANK, BANK_COLUMNS);
      for (ReconciliationResult.Group group : result.withStatus(GroupStatus.UNMATCHED)) {
        for (String ref : group.match().bankRefs()) {
          StatementEntry entry = entries.get(ref);
          List<Object> values = new ArrayList<>();
          values.add(ref);
          if (entry == null) {
            values.addAll(java.util.Arrays.asList(null, null, group.match().difference(), null, null, null, null, null,
                null));
          } else {
            values.addAll(java.util.Arrays.asList(entry.bookingDate(), entry.valueDate(), entry.amount(),
                entry.currency(), entry.counterparty().name(), entry.counterparty().iban(),
                entry.remittanceInformation(), entry.endToEndId(), entry.bankTransactionCode()));
          }
          values.add(group.note());
          table.data(values);
        }
      }
      table.finish(true);
    }

    private void unmatchedLedger() {
      ReportWorkbook.Table table = sheets.table(UNMATCHED_LEDGER, LEDGER_COLUMNS);
      for (ReconciliationResult.Group group : result.withStatus(GroupStatus.UNMATCHED)) {
        for (String id : group.match().ledgerIds()) {
          LedgerItem item = items.get(id);
          List<Object> values = new ArrayList<>();
          values.add(id);
          if (item == null) {
            values.addAll(java.util.Arrays.asList(null, null, null, null, null, null, null));
          } else {
            values.addAll(java.util.Arrays.asList(item.reference(), item.partnerName(), item.partnerIban(),
                item.documentDate(), item.dueDate(), item.amount(), item.currency()));
          }
          values.add(group.note());
          table.data(values);
        }
      }
      table.finish(true);
    }

    private BigDecimal bankTotal(MatchGroup match) {
      BigDecimal total = BigDecimal.ZERO.setScale(sheets.scale());
      for (String ref : match.bankRefs()) {
        StatementEntry entry = entries.get(ref);
        total = entry == null ? total : total.add(entry.amount());
      }
      return total;
    }

    private BigDecimal ledgerTotal(MatchGroup match) {
      BigDecimal total = BigDecimal.ZERO.setScale(sheets.scale());
      for (String id : match.ledgerIds()) {
        LedgerItem item = items.get(id);
        total = item == null ? total : total.add(item.amount());
      }
      return total;
    }

    private static <T> String joined(List<T> values, Function<T, String> field) {
      return String.join("; ", values.stream().map(field).filter(Objects::nonNull).distinct().toList());
    }

    private static String text(String value) {
      return value == null ? "" : value;
    }
  }
}
