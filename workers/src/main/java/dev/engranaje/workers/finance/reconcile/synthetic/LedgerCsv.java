package dev.engranaje.workers.finance.reconcile.synthetic;

import dev.engranaje.workers.finance.ledger.LedgerItem;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The generated ledger as a plain CSV (UTF-8, comma, ISO dates, decimal point; columns {@link #HEADER}),
 * written and read back for the benchmark. A fixed layout of our own, not an ERP mapping: ERP exports
 * are read by the ledger package's mapped reader.
 */
public final class LedgerCsv {
  static final String[] HEADER = {"id", "amount", "currency", "document_date", "due_date", "reference", "partner",
      "partner_iban"};
  static final String BAD_ROW = "Expected %s row %d to have %d columns (%s) and a decimal amount, but %s";

  private LedgerCsv() {}

  public static void write(Path file, List<LedgerItem> items) throws IOException {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVPrinter csv = CSVFormat.DEFAULT.builder().setHeader(HEADER).get().print(out)) {
      for (LedgerItem item : items) {
        csv.printRecord(item.id(), item.amount().toPlainString(), item.currency(), text(item.documentDate()),
            text(item.dueDate()), item.reference(), item.partnerName(), item.partnerIban());
      }
    }
  }

  public static List<LedgerItem> read(Path file) throws IOException {
    List<LedgerItem> items = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader(HEADER).setSkipHeaderRecord(true).get().parse(in)) {
        try {
          items.add(new LedgerItem(row.get(0), new BigDecimal(row.get(1)), row.get(2), date(row.get(3)),
              date(row.get(4)), blank(row.get(5)), blank(row.get(6)), blank(row.get(7))));
        } catch (RuntimeException e) {
          throw new IOException(String.format(BAD_ROW, file, row.getRecordNumber() + 1, HEADER.length,
              String.join(", ", HEADER), e.getMessage()), e);
        }
      }
    }
    return items;
  }

  private static String text(LocalDate date) {
    return date == null ? "" : date.toString();
  }

  private static LocalDate date(String text) {
    return text.isEmpty() ? null : LocalDate.parse(text);
  }

  private static String blank(String text) {
    return text.isEmpty() ? null : text;
  }
}
