package dev.engranaje.cli.bench;

import dev.engranaje.workers.finance.ledger.LedgerItem;
import dev.engranaje.workers.finance.reconcile.MatchRules;
import dev.engranaje.workers.finance.reconcile.Matcher;
import dev.engranaje.workers.finance.reconcile.Reconciliation;
import dev.engranaje.workers.finance.reconcile.synthetic.Camt053Writer;
import dev.engranaje.workers.finance.reconcile.synthetic.GoldScore;
import dev.engranaje.workers.finance.reconcile.synthetic.GoldSet;
import dev.engranaje.workers.finance.reconcile.synthetic.LedgerCsv;
import dev.engranaje.workers.finance.reconcile.synthetic.SyntheticReconciliation;
import dev.engranaje.workers.finance.statement.BankStatement;
import dev.engranaje.workers.finance.statement.StatementEntry;
import dev.engranaje.workers.finance.statement.StatementFile;
import dev.engranaje.workers.finance.statement.StatementReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The reconcile bench: generate, write, parse (the statement package's {@link StatementReader}), read
 * the ledger CSV, match once to warm up, match {@code runs} times measured, score the last result.
 * Wall-clock times from {@link System#nanoTime()}; peak heap from the heap memory pools' peak usage.
 */
final class ReconcileBench {
  static final String COUNT_MISMATCH = "Expected the parsed statement to hold the %d generated entries, but it holds %d";

  private final int entries;
  private final long seed;
  private final int runs;
  private final Path dir;

  ReconcileBench(int entries, long seed, int runs, Path dir) {
    this.entries = entries;
    this.seed = seed;
    this.runs = runs;
    this.dir = dir;
  }

  ReconcileBenchReport run() throws Exception {
    resetPeaks();
    long start = System.nanoTime();
    GoldSet gold = SyntheticReconciliation.generate(seed, entries);
    double generateMs = since(start);
    Path work = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("rpa-bench-reconcile");
    try {
      Path statement = work.resolve("statement.camt053.xml");
      Path ledger = work.resolve("ledger.csv");
      start = System.nanoTime();
      Camt053Writer.write(statement, gold.account(), gold.currency(), gold.entries());
      LedgerCsv.write(ledger, gold.items());
      double writeMs = since(start);

      start = System.nanoTime();
      StatementFile parsed = new StatementReader().read(statement, statement.getFileName().toString(), "camt");
      double parseMs = since(start);
      List<StatementEntry> bankEntries = new ArrayList<>();
      for (BankStatement stmt : parsed.statements()) {
        bankEntries.addAll(stmt.entries());
      }
      if (bankEntries.size() != gold.entries().size()) {
        throw new IllegalStateException(String.format(COUNT_MISMATCH, gold.entries().size(), bankEntries.size()));
      }
      start = System.nanoTime();
      List<LedgerItem> items = LedgerCsv.read(ledger);
      double ledgerReadMs = since(start);

      Matcher matcher = new Matcher(MatchRules.defaults());
      start = System.nanoTime();
      matcher.reconcile(bankEntries, items);
      double warmupMs = since(start);
      long peakHeapMb = peakHeapMb();
      System.gc();
      resetPeaks();
      List<Double> matchMs = new ArrayList<>();
      Reconciliation result = null;
      for (int run = 0; run < runs; run++) {
        start = System.nanoTime();
        result = matcher.reconcile(bankEntries, items);
        matchMs.add(since(start));
      }
      long matchPeakHeapMb = peakHeapMb();
      GoldScore score = GoldScore.of(gold, result);
      return new ReconcileBenchReport(BenchReport.Machine.current(), bankEntries.size(), items.size(), seed,
          Files.size(statement), Files.size(ledger), generateMs, writeMs, parseMs, ledgerReadMs, warmupMs, matchMs,
          Math.max(peakHeapMb, matchPeakHeapMb), matchPeakHeapMb, result.confirmed(), result.suggested(),
          result.unmatchedEntries(), result.unmatchedItems(), score);
    } finally {
      if (dir == null) {
        delete(work);
      }
    }
  }

  private static double since(long start) {
    return (System.nanoTime() - start) / 1e6;
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  private static long peakHeapMb() {
    long bytes = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        bytes += pool.getPeakUsage().getUsed();
      }
    }
    return bytes / (1024 * 1024);
  }

  private static void delete(Path work) throws IOException {
    try (Stream<Path> paths = Files.walk(work)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
