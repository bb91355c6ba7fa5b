package dev.engranaje.workers.finance.report;

import dev.engranaje.workers.spreadsheet.ExactCellNumber;
import dev.engranaje.workers.spreadsheet.FormulaInjectionGuard;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * An xlsx report for people, streamed with SXSSF: the shared styles and {@link Table}s of rows whose
 * header is bold, frozen and filtered and whose widths fit their content. Amounts are number cells
 * with the report's decimals when the double reads back as exactly the same decimal (at most the 15
 * significant digits Excel shows), otherwise text, so no cell shows a rounded amount; dates are date
 * cells; text a spreadsheet program could take for a formula is quoted ({@link FormulaInjectionGuard}).
 */
public final class ReportWorkbook {
  private static final int MIN_WIDTH = 8;
  private static final int MAX_WIDTH = 60;

  private final SXSSFWorkbook workbook;
  private final int scale;
  private final CellStyle bold;
  private final CellStyle title;
  private final CellStyle money;
  private final CellStyle date;
  private final CellStyle quoted;
  private final CellStyle wrapped;

  /** Fills a report's sheets. */
  @FunctionalInterface
  public interface Content {
    void fill(ReportWorkbook workbook) throws IOException;
  }

  /**
   * Writes a report next to {@code target} and moves it into place, so a reader never sees half a
   * report; {@code scale} is the decimals of its money cells.
   */
  public static void write(Path target, int scale, Content content) throws IOException {
    Path partial = target.resolveSibling("." + target.getFileName() + ".part");
    try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
      workbook.setCompressTempFiles(true);
      content.fill(new ReportWorkbook(workbook, scale));
      try (OutputStream out = Files.newOutputStream(partial)) {
        workbook.write(out);
      }
      workbook.dispose();
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(partial);
      throw e;
    }
    Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** The decimals of money cells. */
  public int scale() {
    return scale;
  }

  ReportWorkbook(SXSSFWorkbook workbook, int scale) {
    this.workbook = workbook;
    this.scale = scale;
    Font boldFont = workbook.createFont();
    boldFont.setBold(true);
    bold = workbook.createCellStyle();
    bold.setFont(boldFont);
    Font big = workbook.createFont();
    big.setBold(true);
    big.setFontHeightInPoints((short) 14);
    title = workbook.createCellStyle();
    title.setFont(big);
    money = workbook.createCellStyle();
    String decimals = scale == 0 ? "" : "." + "0".repeat(scale);
    money.setDataFormat(workbook.createDataFormat().getFormat("#,##0" + decimals + ";-#,##0" + decimals));
    date = workbook.createCellStyle();
    date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
    quoted = workbook.createCellStyle();
    quoted.setQuotePrefixed(true);
    wrapped = workbook.createCellStyle();
    wrapped.setWrapText(true);
  }

  /** A new sheet; with a {@code header}, its row is bold, frozen and (on {@link Table#finish}) filtered. */
  public Table table(String name, List<String> header) {
    SXSSFSheet sheet = workbook.createSheet(name);
    Table table = new Table(this, sheet);
    if (header != null) {
      table.header(header);
      sheet.createFreezePane(0, 1);
    }
    return table;
  }

  /** Writes rows into one sheet, tracking widths; the header row (if any) is frozen and filtered. */
  public static final class Table {
    private final ReportWorkbook sheets;
    private final SXSSFSheet sheet;
    private final List<Integer> widths = new ArrayList<>();
    private int next;
    private int headerRow = -1;
    private int columns;

    Table(ReportWorkbook sheets, SXSSFSheet sheet) {
      this.sheets = sheets;
      this.sheet = sheet;
    }

    public void title(String text) {
      Row row = sheet.createRow(next++);
      Cell cell = row.createCell(0);
      cell.setCellValue(text);
      cell.setCellStyle(sheets.title);
      next++;
    }

    public void header(List<String> labels) {
      headerRow = next;
      columns = labels.size();
      Row row = sheet.createRow(next++);
      for (int i = 0; i < labels.size(); i++) {
        Cell cell = row.createCell(i);
        cell.setCellValue(labels.get(i));
        cell.setCellStyle(sheets.bold);
        track(i, labels.get(i).length() + 2);
      }
    }

    public void pair(String label, Object value) {
      row(List.of(label), java.util.Collections.singletonList(value));
    }

    public void blank() {
      next++;
    }

    public void row(List<String> labels, List<?> values) {
      Row row = sheet.createRow(next++);
      int column = 0;
      for (String label : labels) {
        Cell cell = row.createCell(column);
        cell.setCellValue(label);
        cell.setCellStyle(sheets.bold);
        track(column++, label.length());
      }
      for (Object value : values) {
        set(row, column++, value);
      }
    }

    public void data(List<Object> values) {
      Row row = sheet.createRow(next++);
      for (int i = 0; i < values.size(); i++) {
        set(row, i, values.get(i));
      }
    }

    private void set(Row row, int column, Object value) {
      if (value == null) {
        return;
      }
      Cell cell = row.createCell(column);
      if (value instanceof BigDecimal amount) {
        Optional<Double> number = ExactCellNumber.of(amount);
        if (number.isPresent()) {
          cell.setCellValue(number.get());
          cell.setCellStyle(sheets.money);
        } else {
          cell.setCellValue(amount.toPlainString());
        }
        track(column, amount.toPlainString().length() + 4);
      } else if (value instanceof Integer count) {
        cell.setCellValue(count);
        track(column, Integer.toString(count).length());
      } else if (value instanceof LocalDate day) {
        cell.setCellValue(day);
        cell.setCellStyle(sheets.date);
        track(column, 10);
      } else {
        String text = value.toString();
        if (text.isEmpty()) {
          row.removeCell(cell);
          return;
        }
        cell.setCellValue(text);
        if (FormulaInjectionGuard.isDangerous(text)) {
          cell.setCellStyle(sheets.quoted);
        } else if (text.indexOf('\n') >= 0) {
          cell.setCellStyle(sheets.wrapped);
        }
        int longest = 0;
        for (String line : text.split("\n", -1)) {
          longest = Math.max(longest, line.length());
        }
        track(column, longest);
      }
    }

    private void track(int column, int chars) {
      while (widths.size() <= column) {
        widths.add(MIN_WIDTH);
      }
      widths.set(column, Math.max(widths.get(column), Math.min(MAX_WIDTH, chars + 1)));
    }

    public void finish(boolean filter) {
      for (int i = 0; i < widths.size(); i++) {
        sheet.setColumnWidth(i, widths.get(i) * 256);
      }
      if (filter && headerRow >= 0 && columns > 0) {
        sheet.setAutoFilter(new CellRangeAddress(headerRow, Math.max(headerRow, next - 1), 0, columns - 1));
      }
    }
  }
}
