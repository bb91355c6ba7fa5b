package dev.engranaje.workers.spreadsheet;

import com.github.pjfanning.xlsx.StreamingReader;
import dev.engranaje.workers.api.BusinessError;
import dev.engranaje.workers.api.Secret;
import dev.engranaje.workers.api.TechnicalFailure;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * Reads one sheet of a workbook row by row. An xlsx is streamed (the streaming reader keeps a small
 * window of rows and reads shared strings read-only), so a million rows stay in bounded memory; an
 * xls is at most 65,536 rows and is loaded whole by POI. An encrypted workbook opens with the
 * password given; without one it is refused with a clear message.
 */
final class WorkbookRowReader implements RowReader {
  private static final int ROW_WINDOW = 256;
  private static final int BUFFER = 64 * 1024;
  // Excel's own limit; a longer text was not written by Excel and, shared across many cells, is a
  // text-size bomb (one 1 MB shared string referenced by thousands of cells).
  static final int MAX_CELL_TEXT = 32_767;
  static final String OVERSIZED_CELL = "cell %s in row %d holds %,d characters, more than Excel's 32,767 limit";

  private final Workbook workbook;
  private final Iterator<Row> rows;
  private final String sheetName;
  private final String reference;
  private int lastRow;

  private WorkbookRowReader(Workbook workbook, Sheet sheet, String reference) {
    this.workbook = workbook;
    this.rows = sheet.iterator();
    this.sheetName = sheet.getSheetName();
    this.reference = reference;
  }

  /**
   * Opens {@code file} (an xlsx, xls or encrypted xlsx) at the selected sheet. A plain xlsx takes
   * the fast {@link XlsxStreamReader}; what that path does not handle (Strict OOXML, odd packages)
   * and every failure falls back to the streaming reader, whose errors are then reported.
   */
  static RowReader open(Path file, String reference, SpreadsheetFormat format, SheetSelector selector,
      Secret password) throws TechnicalFailure, BusinessError {
    if (format == SpreadsheetFormat.XLSX && password == null) {
      try {
        return XlsxStreamReader.open(file, reference, selector);
      } catch (IllegalStateException notForTheFastPath) {
        // fall through to the general reader
      }
    }
    return openGeneral(file, reference, format, selector, password);
  }

  static WorkbookRowReader openGeneral(Path file, String reference, SpreadsheetFormat format, SheetSelector selector,
      Secret password) throws TechnicalFailure, BusinessError {
    Workbook workbook = openWorkbook(file, reference, format, password);
    try {
      int index = selector.resolve(workbook, reference);
      return new WorkbookRowReader(workbook, workbook.getSheetAt(index), reference);
    } catch (BusinessError | RuntimeException e) {
      closeQuietly(workbook);
      if (e instanceof BusinessError business) {
        throw business;
      }
      throw WorkbookFailures.opening(reference, e);
    }
  }

  private static Workbook openWorkbook(Path file, String reference, SpreadsheetFormat format, Secret password)
      throws TechnicalFailure {
    try {
      if (format == SpreadsheetFormat.XLSX) {
        return streaming(password).open(file.toFile());
      }
      if (isEncryptedOoxml(file)) {
        if (password == null) {
          throw TechnicalFailure.permanent(String.format(WorkbookFailures.ENCRYPTED, reference));
        }
        return streaming(password).open(file.toFile());
      }
      return openXls(file, password);
    } catch (IOException | RuntimeException e) {
      throw WorkbookFailures.opening(reference, e);
    }
  }

  private static StreamingReader.Builder streaming(Secret password) {
    StreamingReader.Builder builder = StreamingReader.builder().rowCacheSize(ROW_WINDOW).bufferSize(BUFFER)
        .setUseSstReadOnly(true).setReadComments(false).setReadHyperlinks(false).setReadShapes(false)
        .setReadCoreProperties(false).setReadSharedFormulas(false);
    return password == null ? builder : builder.password(password.reveal());
  }

  // An encrypted xlsx is an OLE2 container holding the encrypted package, whatever its name says.
  private static boolean isEncryptedOoxml(Path file) throws IOException {
    try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
      return fs.getRoot().hasEntry("EncryptedPackage");
    }
  }

  private static Workbook openXls(Path file, Secret password) throws IOException {
    // POI takes the xls password from a thread-local; set it only around the open.
    Biff8EncryptionKey.setCurrentUserPassword(password == null ? null : password.reveal());
    POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true);
    try {
      return new HSSFWorkbook(fs.getRoot(), true);
    } catch (IOException | RuntimeException e) {
      fs.close();
      throw e;
    } finally {
      Biff8EncryptionKey.setCurrentUserPassword(null);
    }
  }

  @Override
  public RawRow next() throws TechnicalFailure {
    Row row;
    try {
      if (!rows.hasNext()) {
        return null;
      }
      row = rows.next();
    } catch (RuntimeException e) {
      throw WorkbookFailures.readingRow(reference, sheetName, lastRow + 1, e);
    }
    lastRow = row.getRowNum() + 1;
    try {
      int width = Math.max(0, row.getLastCellNum());
      Object[] cells = new Object[width];
      for (Cell cell : row) {
        Object value = CellValues.of(cell);
        if (value instanceof String text && text.length() > MAX_CELL_TEXT) {
          throw TechnicalFailure.permanent(String.format(WorkbookFailures.HOSTILE, reference, String.format(
              OVERSIZED_CELL, cell.getAddress().formatAsString(), lastRow, text.length())));
        }
        cells[cell.getColumnIndex()] = value;
      }
      return new RawRow(lastRow, cells);
    } catch (RuntimeException e) {
      throw WorkbookFailures.readingRow(reference, sheetName, lastRow, e);
    }
  }

  @Override
  public String sheetName() {
    return sheetName;
  }

  @Override
  public void close() {
    closeQuietly(workbook);
  }

  private static void closeQuietly(Workbook workbook) {
    try {
      workbook.close();
    } catch (IOException | RuntimeException ignored) {
      // Nothing was written; a failing close of a read-only workbook loses nothing.
    }
  }
}
