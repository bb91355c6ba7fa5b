package dev.engranaje.examples.reconciliation;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the sample files of {@code examples/bank-reconciliation/}. Run from the repository root:
 * {@code java -cp ... dev.engranaje.examples.reconciliation.SampleDataGenerator examples/bank-reconciliation};
 * {@code SampleDataGeneratorTest} checks that the committed files are what this writes.
 */
public final class SampleDataGenerator {
  /** The seed of every sample; change it and the committed files must be generated again. */
  public static final long SEED = 20261130L;
  public static final LocalDate MONTH = LocalDate.of(2026, 11, 1);
  public static final String MONTH_STATEMENT = "STMT-2026-11";
  public static final String SMALL_STATEMENT = "STMT-2026-11-S";
  /** How far off the unbalanced variant's closing balance is. */
  public static final BigDecimal UNBALANCED_BY = new BigDecimal("10.00");

  private SampleDataGenerator() {}

  public static void main(String[] args) throws IOException {
    Path directory = Path.of(args.length == 0 ? "examples/bank-reconciliation" : args[0]);
    for (Map.Entry<String, byte[]> file : files().entrySet()) {
      Path target = directory.resolve(file.getKey());
      Files.createDirectories(target.getParent());
      Files.write(target, file.getValue());
    }
    System.out.println("Wrote " + files().size() + " files to " + directory);
  }

  /** Every generated file by its path below {@code examples/bank-reconciliation/}. */
  public static Map<String, byte[]> files() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    SampleData month = SampleData.generate(SEED, MONTH, SampleData.Sizes.MONTH);
    files.put("statement-2026-11.camt053.xml", CamtWriter.write(month, MONTH_STATEMENT, 11, null));
    files.put("statement-2026-11.mt940.sta", Mt940Writer.write(month, MONTH_STATEMENT, 11, null));
    files.put("ledger-open-items-2026-11.xlsx", LedgerWorkbookWriter.write(month.ledgerItems()));
    files.put("truth-2026-11.csv", TruthCsv.write(month.truth()));
    SampleData small = SampleData.generate(SEED + 1, MONTH, SampleData.Sizes.SMALL);
    files.put("small/statement-small.camt053.xml", CamtWriter.write(small, SMALL_STATEMENT, 1, null));
    files.put("small/statement-small.mt940.sta", Mt940Writer.write(small, SMALL_STATEMENT, 1, null));
    files.put("small/statement-small-unbalanced.camt053.xml",
        CamtWriter.write(small, SMALL_STATEMENT + "-X", 2, small.closingBalance().add(UNBALANCED_BY)));
    files.put("small/ledger-small.xlsx", LedgerWorkbookWriter.write(small.ledgerItems()));
    files.put("small/truth-small.csv", TruthCsv.write(small.truth()));
    return files;
  }

}
