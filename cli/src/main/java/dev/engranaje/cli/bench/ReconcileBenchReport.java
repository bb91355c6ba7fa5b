package dev.engranaje.cli.bench;

import dev.engranaje.workers.finance.reconcile.synthetic.GoldScore;
import java.util.List;
import java.util.Locale;

/**
 * What {@code rpa bench reconcile} measured.
 *
 * @param matchMs each measured matching run, in milliseconds
 * @param peakHeapMb peak heap used over the whole bench (all heap pools' peaks, summed)
 * @param matchPeakHeapMb peak heap used while matching (peaks reset before the measured runs)
 */
public record ReconcileBenchReport(BenchReport.Machine machine, int entries, int items, long seed, long statementBytes,
    long ledgerBytes, double generateMs, double writeMs, double parseMs, double ledgerReadMs, double warmupMs,
    List<Double> matchMs, long peakHeapMb, long matchPeakHeapMb, int confirmed, int suggested, int unmatchedEntries,
    int unmatchedItems, GoldScore score) {

  double bestMatchMs() {
    return matchMs.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
  }

  double medianMatchMs() {
    List<Double> sorted = matchMs.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  String toTable() {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "rpa bench reconcile: %d statement entries x %d ledger items, seed %d%n",
        entries, items, seed));
    out.append(String.format(Locale.ROOT, "machine: %d cores, max heap %d MB, %s%n%n", machine.cores(),
        machine.maxHeapMb(), machine.java()));
    out.append(String.format(Locale.ROOT, "generate gold set            %10.0f ms%n", generateMs));
    out.append(String.format(Locale.ROOT, "write camt.053 + ledger CSV  %10.0f ms  (%.1f MB + %.1f MB)%n", writeMs,
        statementBytes / 1e6, ledgerBytes / 1e6));
    out.append(String.format(Locale.ROOT, "parse statement (camt.053)   %10.0f ms  (StatementReader, XSD-validated)%n",
        parseMs));
    out.append(String.format(Locale.ROOT, "read ledger (CSV)            %10.0f ms%n", ledgerReadMs));
    out.append(String.format(Locale.ROOT, "match, warm-up run           %10.0f ms%n", warmupMs));
    out.append(String.format(Locale.ROOT, "match, %d measured run(s)     best %.0f ms, median %.0f ms%n",
        matchMs.size(), bestMatchMs(), medianMatchMs()));
    out.append(String.format(Locale.ROOT, "peak heap                    %10d MB (matching: %d MB)%n%n", peakHeapMb,
        matchPeakHeapMb));
    out.append(String.format(Locale.ROOT, "groups: %d confirmed, %d suggested, %d unmatched entries, %d unmatched "
        + "items%n%n", confirmed, suggested, unmatchedEntries, unmatchedItems));
    out.append(score.toTable());
    return out.toString();
  }
}
