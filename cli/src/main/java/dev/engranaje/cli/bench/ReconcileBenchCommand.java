package dev.engranaje.cli.bench;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rpa bench reconcile}: parse, read and match a generated statement and ledger, and score the result. */
@Command(name = "reconcile", mixinStandardHelpOptions = true,
    description = {"Measure bank reconciliation: generate a statement (written as camt.053.001.02) and a ledger "
        + "(CSV) with 1:1, 1:n, n:1 and near-miss cases, parse both, match them with the default rules, and score "
        + "the result against the generated truth (precision and recall per rule).",
        "Reports parse, ledger read and matching times (after a warm-up run), peak heap, and the scores."})
public final class ReconcileBenchCommand implements Callable<Integer> {
  @Option(names = "--entries", paramLabel = "N", defaultValue = "100000",
      description = "Statement entries to generate; the ledger gets about as many items (default: ${DEFAULT-VALUE}).")
  int entries;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
      description = "Seed of the generator; the same seed and size give the same files (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--runs", paramLabel = "N", defaultValue = "3",
      description = "Measured matching runs after one warm-up run (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--dir", paramLabel = "DIR",
      description = "Keep the generated statement.camt053.xml and ledger.csv here (default: a temporary directory, "
          + "deleted afterwards).")
  Path dir;

  @Override
  public Integer call() throws Exception {
    ReconcileBenchReport report = new ReconcileBench(entries, seed, Math.max(1, runs), dir).run();
    System.out.print(report.toTable());
    return report.score().confirmedPrecision() == 1.0 ? 0 : 1;
  }
}
