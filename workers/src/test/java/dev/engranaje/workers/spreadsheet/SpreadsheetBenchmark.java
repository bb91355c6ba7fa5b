package dev.engranaje.workers.spreadsheet;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The spreadsheet read benchmark (bots issue, "Must show 4"): generates a 1,000,000-row, 10-column
 * xlsx and the same data as CSV, and reads them the way {@link ReadSpreadsheetWorker} does, reporting
 * rows per second and peak heap. Run with {@code -Xmx256m} to show the read stays under 256 MB; see
 * README-spreadsheet.md for the command and bench/spreadsheet/openpyxl_read.py for the comparison.
 *
 * <p>{@code generate <dir> [rows]} writes bench.xlsx and bench.csv; {@code read <file> [repeats]
 * [untyped]} reads a file (typed records, nothing kept; {@code untyped} reads CSV as text);
 * {@code worker <file>} runs the whole read worker path
 * into a JSON Lines data file.
 */
final class SpreadsheetBenchmark {
  static final List<String> COLUMNS = List.of("id", "invoice", "customer", "category", "issued", "booked_at", "amount",
      "unit_price", "quantity", "paid");
  private static final String[] CATEGORIES = {"hardware", "software", "services", "travel", "office", "training"};

  private SpreadsheetBenchmark() {}

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "generate" -> generate(Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000);
      case "read" -> read(Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 1,
          args.length > 3 && args[3].equals("untyped"));
      case "worker" -> worker(Path.of(args[1]));
      default -> throw new IllegalArgumentException("Expected generate, read or worker, but got " + args[0]);
    }
  }

  /** Row {@code i} of the benchmark data: ints, unique and repeated text, dates, date-times, decimals, booleans. */
  static List<Object> row(int i) {
    List<Object> row = new ArrayList<>(10);
    row.add((long) i);
    row.add(String.format(Locale.ROOT, "INV-%07d", i));
    row.add("Customer " + (i * 7919 % 5000));
    row.add(CATEGORIES[i % CATEGORIES.length]);
    row.add(LocalDate.of(2020, 1, 1).plusDays(i % 2000));
    row.add(LocalDateTime.of(2024, 1, 1, 0, 0).plusMinutes(i * 13L));
    row.add(BigDecimal.valueOf(i * 37L % 1_000_000, 2));
    row.add(BigDecimal.valueOf(i * 7L % 99_999 + 1, 4));
    row.add((long) (i % 250));
    row.add(i % 3 == 0);
    return row;
  }

  static void generate(Path dir, int rows) throws IOException {
    Files.createDirectories(dir);
    WriteStyle style = new WriteStyle(true, "#,##0.00", null, null, null, false);
    try (XlsxSheetWriter xlsx = XlsxSheetWriter.create(dir.resolve("bench.xlsx"), "Data", style);
        CsvSheetWriter csv = CsvSheetWriter.create(dir.resolve("bench.csv"), CsvSettings.DEFAULT, false)) {
      xlsx.header(COLUMNS);
      csv.header(COLUMNS);
      for (int i = 1; i <= rows; i++) {
        List<Object> row = row(i);
        xlsx.row(row);
        csv.row(row);
      }
      xlsx.commit();
      csv.commit();
    }
    System.out.printf(Locale.ROOT, "generated %,d rows: %s (%,d bytes), %s (%,d bytes)%n", rows, dir.resolve("bench.xlsx"),
        Files.size(dir.resolve("bench.xlsx")), dir.resolve("bench.csv"), Files.size(dir.resolve("bench.csv")));
  }

  /** CSV is typed as the workers would be told to: decimals, dates and booleans declared. */
  static ReadOptions options(Path file) {
    if (!file.toString().endsWith(".csv")) {
      return ReadOptions.DEFAULT;
    }
    java.util.Map<String, ColumnType> types = new java.util.LinkedHashMap<>();
    types.put("id", ColumnType.INTEGER);
    types.put("issued", ColumnType.DATE);
    types.put("booked_at", ColumnType.DATETIME);
    types.put("amount", ColumnType.DECIMAL);
    types.put("unit_price", ColumnType.DECIMAL);
    types.put("quantity", ColumnType.INTEGER);
    types.put("paid", ColumnType.BOOLEAN);
    return new ReadOptions(SheetSelector.FIRST_VISIBLE, 1, java.util.Map.of(), types, CsvSettings.DEFAULT, null);
  }

  static void read(Path file, int repeats, boolean untyped) throws Exception {
    ReadOptions options = untyped ? ReadOptions.DEFAULT : options(file);
    for (int run = 1; run <= repeats; run++) {
      resetPeaks();
      long cpu = processCpu();
      long started = System.nanoTime();
      long rows = 0;
      long checksum = 0;
      try (RecordSource records = RecordSources.open(file, file.getFileName().toString(), options)) {
        SheetRecord record;
        while ((record = records.next()) != null) {
          rows++;
          checksum += record.values().size();
        }
      }
      report(untyped ? "read-untyped" : "read", file, run, rows, checksum, System.nanoTime() - started,
          processCpu() - cpu);
    }
  }

  static void worker(Path file) throws Exception {
    Path root = Files.createTempDirectory("bench-worker");
    try (JobContexts contexts = new JobContexts(root, "rpa:spreadsheet.read:1", 1)) {
      Path copy = contexts.workspace.directory().resolve(file.getFileName());
      Files.createLink(copy, file.toAbsolutePath());
      resetPeaks();
      long cpu = processCpu();
      long started = System.nanoTime();
      RowsResult result = RowScan.scan(contexts.context, copy.getFileName().toString(), sourceSettings(file), "file",
          null, null, record -> true);
      report("worker->jsonl", file, 1, result.rowCount(), Files.size(contexts.path(result.dataFile())),
          System.nanoTime() - started, processCpu() - cpu);
    }
  }

  private static SourceSettings sourceSettings(Path file) {
    ReadOptions options = options(file);
    java.util.Map<String, String> types = new java.util.LinkedHashMap<>();
    options.types().forEach((k, v) -> types.put(k, v.name()));
    return new ReadSpreadsheetWorker.Input(null, null, null, null, null, types, null, null, null, null, null, null, null,
        "file", null, null);
  }

  private static void resetPeaks() {
    System.gc();
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  /** CPU time of the whole JVM (reader, JIT compiler and GC threads), fairer than wall time on a busy machine. */
  private static long processCpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static void report(String what, Path file, int run, long rows, long checksum, long nanos, long cpuNanos) {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    double seconds = nanos / 1e9;
    double cpuSeconds = cpuNanos / 1e9;
    System.out.printf(Locale.ROOT, "%s %s run %d: %,d rows in %.2f s = %,.0f rows/s; CPU %.2f s = %,.0f rows per"
        + " CPU-second; peak heap %.1f MB (max heap %d MB) [check %d]%n", what, file.getFileName(), run, rows, seconds,
        rows / seconds, cpuSeconds, rows / cpuSeconds, peak / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576,
        checksum);
  }
}
