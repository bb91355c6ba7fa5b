package dev.engranaje.workers.spreadsheet;

import dev.engranaje.workers.api.TechnicalFailure;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams a CSV file record by record (row numbers count records, header included). Bytes that are
 * not valid in the configured encoding are an error naming the row, never replaced silently; a
 * leading byte-order mark is skipped.
 */
final class CsvRowReader implements RowReader {
  static final String BROKEN =
      "Expected well-formed CSV in '%s', but row %d could not be read (%s); check the delimiter, quote and"
          + " encoding settings";
  static final String BAD_ENCODING =
      "Expected text in %s in '%s', but line %d holds bytes that are not %s; set 'encoding' (e.g. windows-1252)";

  private final CSVParser parser;
  private final Iterator<CSVRecord> records;
  private final String reference;
  private final CsvSettings settings;
  private final Path file;
  private int lastRow;

  private CsvRowReader(CSVParser parser, Path file, String reference, CsvSettings settings) {
    this.parser = parser;
    this.file = file;
    this.records = parser.iterator();
    this.reference = reference;
    this.settings = settings;
  }

  static CsvRowReader open(Path file, String reference, CsvSettings settings) throws TechnicalFailure {
    try {
      CharsetDecoder decoder = settings.encoding().newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
      Reader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder), 64 * 1024);
      skipByteOrderMark(reader);
      return new CsvRowReader(CSVParser.builder().setReader(reader).setFormat(settings.format()).get(), file,
          reference, settings);
    } catch (java.nio.charset.CharacterCodingException e) {
      throw badEncoding(file, reference, settings, e);
    } catch (IOException e) {
      throw TechnicalFailure.permanent(String.format(SpreadsheetFormat.CANNOT_OPEN, reference, e.getMessage()), e);
    }
  }

  // The parser reads ahead, so the failing record is unknown; find the first line that does not decode.
  private static TechnicalFailure badEncoding(Path file, String reference, CsvSettings settings, Exception e) {
    String charset = settings.encoding().name();
    int line = 1;
    try (java.io.InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file))) {
      java.io.ByteArrayOutputStream current = new java.io.ByteArrayOutputStream();
      for (int b = in.read(); ; b = in.read()) {
        if (b == '\n' || b < 0) {
          try {
            settings.encoding().newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(current.toByteArray()));
          } catch (java.nio.charset.CharacterCodingException bad) {
            break;
          }
          if (b < 0) {
            break;
          }
          current.reset();
          line++;
        } else {
          current.write(b);
        }
      }
    } catch (IOException unreadable) {
      // keep the line counted so far
    }
    return TechnicalFailure.permanent(String.format(BAD_ENCODING, charset, reference, line, charset), e);
  }

  private static void skipByteOrderMark(Reader reader) throws IOException {
    reader.mark(1);
    if (reader.read() != '\uFEFF') {
      reader.reset();
    }
  }

  @Override
  public RawRow next() throws TechnicalFailure {
    try {
      if (!records.hasNext()) {
        return null;
      }
      CSVRecord record = records.next();
      lastRow = (int) record.getRecordNumber();
      Object[] cells = new Object[record.size()];
      for (int i = 0; i < cells.length; i++) {
        String value = record.get(i);
        cells[i] = value.isEmpty() ? null : value;
      }
      return new RawRow(lastRow, cells);
    } catch (UncheckedIOException | IllegalStateException e) {
      throw failure(e);
    }
  }

  private TechnicalFailure failure(RuntimeException e) {
    Throwable cause = e.getCause() != null ? e.getCause() : e;
    if (cause instanceof java.nio.charset.CharacterCodingException) {
      return badEncoding(file, reference, settings, e);
    }
    return TechnicalFailure.permanent(String.format(BROKEN, reference, lastRow + 1, WorkbookFailures.describe(e)), e);
  }

  @Override
  public String sheetName() {
    return null;
  }

  @Override
  public void close() {
    try {
      parser.close();
    } catch (IOException ignored) {
      // Read-only: nothing is lost when closing fails.
    }
  }
}
