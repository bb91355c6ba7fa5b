package dev.engranaje.cli;

import dev.engranaje.workers.finance.ledger.InvalidLedgerMapping;
import dev.engranaje.workers.finance.ledger.LedgerException;
import dev.engranaje.workers.finance.ledger.LedgerItem;
import dev.engranaje.workers.finance.ledger.LedgerMapping;
import dev.engranaje.workers.finance.ledger.LedgerReader;
import dev.engranaje.workers.finance.reconcile.GroupStatus;
import dev.engranaje.workers.finance.reconcile.InvalidMatchRules;
import dev.engranaje.workers.finance.reconcile.MatchRules;
import dev.engranaje.workers.finance.report.ReconciliationJson;
import dev.engranaje.workers.finance.report.ReconciliationReportWriter;
import dev.engranaje.workers.finance.report.ReconciliationResult;
import dev.engranaje.workers.finance.report.ReconciliationRun;
import dev.engranaje.workers.finance.report.StatementSummary;
import dev.engranaje.workers.finance.statement.Balance;
import dev.engranaje.workers.finance.statement.BalanceCheck;
import dev.engranaje.workers.finance.statement.StatementException;
import dev.engranaje.workers.finance.statement.StatementFile;
import dev.engranaje.workers.finance.statement.StatementReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rpa reconcile}: the reconciliation engine on files, without a process, so an analyst can
 * tune the ledger mapping and the match rules. The same statement reader, ledger reader, matcher,
 * result JSON and report as the finance workers.
 */
@Command(name = "reconcile", mixinStandardHelpOptions = true,
    description = {"Reconcile a bank statement with the ledger's open items on files, without an engine.",
        "Reads the statement (camt.052/053/054, MT940/MT942 or a CSV/xlsx export profile), checks that it adds up,",
        "reads the ledger export through its column mapping, matches with the default or given rules and prints a",
        "summary; --json writes the full result (documented in docs/finance/reconcile.md), --report the xlsx.",
        "Exit codes: 0 reconciled (whatever is left to review), 1 bad input (the message names the file and position)."})
final class ReconcileCommand implements Callable<Integer> {
  static final int MAX_LISTED = 50;
  static final String MISSING = "Expected the %s file '%s', but there is no such file";
  static final String UNBALANCED = "Refusing to reconcile: %s";
  static final String CANNOT_WRITE = "Expected to write '%s', but %s";

  @Option(names = "--statement", required = true, paramLabel = "FILE", description = "The bank statement file.")
  Path statement;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto",
      description = "auto (default), camt, mt940[:PROFILE], csv:PROFILE or xlsx:PROFILE (PROFILE: the export profile YAML).")
  String format;

  @Option(names = "--ledger", required = true, paramLabel = "FILE", description = "The ERP export of open items (xlsx, xls or CSV).")
  Path ledger;

  @Option(names = "--ledger-mapping", required = true, paramLabel = "FILE",
      description = "The ledger column mapping (YAML, see docs/finance/reconcile.md).")
  Path ledgerMapping;

  @Option(names = "--rules", paramLabel = "FILE", description = "Match rules (YAML, see docs/finance/matching.md); default the bundled rules.")
  Path rules;

  @Option(names = "--report", paramLabel = "FILE", description = "Write the xlsx report for accountants here.")
  Path report;

  @Option(names = "--json", paramLabel = "FILE|-", description = "Write the result as JSON to FILE, or to standard output with '-' (then nothing else is printed there).")
  String json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    StatementFile statementFile = readStatement();
    List<LedgerItem> items = readLedger();
    MatchRules matchRules = readRules();
    ReconciliationResult result;
    try {
      result = ReconciliationRun.run(statementFile, ledger.toString(), items, matchRules,
          rules == null ? "defaults" : rules.toString());
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    boolean jsonToStdout = "-".equals(json);
    if (json != null) {
      writeJson(result, out, jsonToStdout);
    }
    if (report != null) {
      try {
        ReconciliationReportWriter.write(result, StatementSummary.bookedEntries(statementFile), items, report);
      } catch (IOException e) {
        throw new UserError(String.format(CANNOT_WRITE, report, e.getMessage()));
      }
    }
    if (!jsonToStdout) {
      printSummary(result, out);
      if (json != null) {
        out.printf("Result JSON written to %s%n", json);
      }
      if (report != null) {
        out.printf("Report written to %s%n", report);
      }
    }
    out.flush();
    return 0;
  }

  private StatementFile readStatement() {
    requireFile(statement, "statement");
    StatementFile file;
    try {
      file = new StatementReader().read(statement, statement.toString(), format);
    } catch (StatementException e) {
      throw new UserError(e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage() + " (--format)");
    }
    List<String> problems = BalanceCheck.problems(file);
    if (!problems.isEmpty()) {
      throw new UserError(String.format(UNBALANCED, String.join("; ", problems)));
    }
    return file;
  }

  private List<LedgerItem> readLedger() {
    requireFile(ledgerMapping, "ledger mapping");
    requireFile(ledger, "ledger");
    try {
      return LedgerReader.read(ledger, ledger.toString(), LedgerMapping.read(ledgerMapping, ledgerMapping.toString()));
    } catch (InvalidLedgerMapping | LedgerException e) {
      throw new UserError(e.getMessage());
    }
  }

  private MatchRules readRules() {
    if (rules == null) {
      return MatchRules.defaults();
    }
    requireFile(rules, "rules");
    try {
      return MatchRules.read(rules);
    } catch (InvalidMatchRules e) {
      throw new UserError(e.getMessage());
    }
  }

  private static void requireFile(Path file, String what) {
    if (!Files.isRegularFile(file)) {
      throw new UserError(String.format(MISSING, what, file));
    }
  }

  private void writeJson(ReconciliationResult result, PrintWriter out, boolean toStdout) {
    try {
      if (toStdout) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        ReconciliationJson.write(result, buffer);
        out.print(buffer.toString(StandardCharsets.UTF_8));
      } else {
        try (OutputStream file = Files.newOutputStream(Path.of(json))) {
          ReconciliationJson.write(result, file);
        }
      }
    } catch (IOException e) {
      throw new UserError(String.format(CANNOT_WRITE, json, e.getMessage()));
    }
  }

  static void printSummary(ReconciliationResult result, PrintWriter out) {
    StatementSummary s = result.statement();
    out.printf("Statement %s%s, account %s (%s), %s to %s, %d booked entries%n", s.statementIds(),
        s.sequence() == null ? "" : " (sequence " + s.sequence() + ")", s.account(), s.currency(), s.from(), s.to(),
        s.entries());
    out.printf("Opening balance %s, closing balance %s; credits %s, debits %s%n", balance(s.opening()),
        balance(s.closing()), s.credits().toPlainString(), s.debits().toPlainString());
    out.printf("Ledger %s: %d open items; rules: %s%n%n", result.ledger().source(), result.ledger().items(),
        result.rules());
    ReconciliationResult.Counts counts = result.counts();
    out.printf("%-18s %6s%n", "OUTCOME", "COUNT");
    out.printf("%-18s %6d%n", "confirmed", counts.confirmed());
    out.printf("%-18s %6d%n", "suggested", counts.suggested());
    out.printf("%-18s %6d%n", "unmatched bank", counts.unmatchedBank());
    out.printf("%-18s %6d%n%n", "unmatched ledger", counts.unmatchedLedger());
    out.printf("%-6s %-10s %-28s %-6s %12s  %-30s %s%n", "GROUP", "STATUS", "RULE", "CONF", "DIFFERENCE",
        "BANK REFS", "LEDGER IDS");
    int listed = 0;
    for (ReconciliationResult.Group group : result.groups()) {
      if (listed++ == MAX_LISTED) {
        out.printf("... %d more groups; see --json or --report%n", result.groups().size() - MAX_LISTED);
        break;
      }
      var match = group.match();
      out.printf("%-6s %-10s %-28s %-6s %12s  %-30s %s%n", group.id(), match.status().name().toLowerCase(Locale.ROOT),
          match.rule() == null ? "-" : match.rule(),
          match.confidence() == null ? "-" : match.confidence().name().toLowerCase(Locale.ROOT),
          match.status() == GroupStatus.UNMATCHED || match.difference() == null ? "" : match.difference().toPlainString(),
          String.join(",", match.bankRefs()), String.join(",", match.ledgerIds()));
    }
    out.println();
    out.println(counts.needsReview()
        ? "Needs review: " + counts.suggested() + " suggestion(s), " + counts.unmatchedBank() + " unmatched bank entr"
            + (counts.unmatchedBank() == 1 ? "y" : "ies") + ", " + counts.unmatchedLedger() + " unmatched ledger item(s)."
        : "Everything is matched.");
  }

  private static String balance(Balance balance) {
    return balance == null ? "none" : balance.amount().toPlainString() + " (" + balance.date() + ")";
  }
}
