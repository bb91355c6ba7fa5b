package dev.engranaje.workers.spreadsheet;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.RandomAccessFile;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a CSV file with the configured delimiter, quote, encoding and decimal separator; dates in
 * ISO-8601. When appending, the existing file is copied first and the new rows follow, so the
 * target is replaced in one move and a failure leaves it as it was.
 */
final class CsvSheetWriter implements SheetWriter {
  private final CSVPrinter printer;
  private final Path target;
  private final Path partial;
  private final CsvSettings settings;

  private CsvSheetWriter(Path target, Path partial, CsvSettings settings, boolean byteOrderMark, boolean copyExisting)
      throws IOException {
    this.target = target;
    this.partial = partial;
    this.settings = settings;
    if (copyExisting) {
      Files.copy(target, partial, StandardCopyOption.REPLACE_EXISTING);
      ensureEndsWithNewline(partial);
    }
    OpenOption[] options = copyExisting ? new OpenOption[] {StandardOpenOption.APPEND} : new OpenOption[0];
    Writer writer = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(partial, options),
        settings.encoding()), 64 * 1024);
    if (byteOrderMark && !copyExisting) {
      writer.write('\uFEFF');
    }
    this.printer = new CSVPrinter(writer, settings.format());
  }

  static CsvSheetWriter create(Path target, CsvSettings settings, boolean byteOrderMark) throws IOException {
    return new CsvSheetWriter(target, partialOf(target), settings, byteOrderMark, false);
  }

  static CsvSheetWriter append(Path target, CsvSettings settings) throws IOException {
    return new CsvSheetWriter(target, partialOf(target), settings, false, true);
  }

  private static Path partialOf(Path target) {
    return target.resolveSibling("." + target.getFileName() + ".part");
  }

  private static void ensureEndsWithNewline(Path file) throws IOException {
    long size = Files.size(file);
    if (size == 0) {
      return;
    }
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.seek(size - 1);
      int last = raf.read();
      if (last != '\n') {
        raf.write(new byte[] {'\r', '\n'});
      }
    }
  }

  @Override
  public void header(List<String> labels) throws IOException {
    row(new ArrayList<>(labels));
  }

  @Override
  public void row(List<Object> values) throws IOException {
    List<String> fields = new ArrayList<>(values.size());
    for (Object value : values) {
      fields.add(text(value));
    }
    printer.printRecord(fields);
  }

  private String text(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Number number) {
      String plain = number instanceof BigDecimal decimal ? decimal.toPlainString()
          : number instanceof Double || number instanceof Float ? new BigDecimal(number.toString()).toPlainString()
          : number.toString();
      return settings.decimalSeparator() == '.' ? plain : plain.replace('.', settings.decimalSeparator());
    }
    return FormulaInjectionGuard.forCsv(value.toString());
  }

  @Override
  public void commit() throws IOException {
    printer.close(true);
    Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  @Override
  public void close() {
    try {
      printer.close();
      Files.deleteIfExists(partial);
    } catch (IOException ignored) {
      // Only the temporary copy is affected; the target is untouched.
    }
  }
}
