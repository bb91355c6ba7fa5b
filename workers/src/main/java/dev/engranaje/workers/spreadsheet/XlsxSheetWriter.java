package dev.engranaje.workers.spreadsheet;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes an xlsx sheet with POI's streaming SXSSF: only a window of rows stays in memory, the rest
 * is flushed to compressed temporary files, so a million rows are written in bounded memory. When
 * appending, the existing workbook is loaded by XSSF (its rows stay in memory; the appended ones
 * stream) and everything else in it — other sheets, styles, formulas — is kept.
 */
final class XlsxSheetWriter implements SheetWriter {
  private static final int ROW_WINDOW = 200;
  private static final int MIN_WIDTH = 10;
  private static final int MAX_WIDTH = 80;

  private final SXSSFWorkbook workbook;
  private final Sheet sheet;
  private final Path target;
  private final Path partial;
  private final WriteStyle style;
  private final int headerRowIndex;
  private final CellStyle quoted;
  private final CellStyle date;
  private final CellStyle dateTime;
  private final CellStyle number;
  private int nextRow;
  private int width;

  private XlsxSheetWriter(SXSSFWorkbook workbook, Sheet sheet, Path target, WriteStyle style, int headerRowIndex,
      int nextRow, int width) {
    this.workbook = workbook;
    this.sheet = sheet;
    this.target = target;
    this.partial = target.resolveSibling("." + target.getFileName() + ".part");
    this.style = style;
    this.headerRowIndex = headerRowIndex;
    this.nextRow = nextRow;
    this.width = width;
    this.quoted = workbook.createCellStyle();
    quoted.setQuotePrefixed(true);
    this.date = formatted(style.dateFormat());
    this.dateTime = formatted(style.dateTimeFormat());
    this.number = style.numberFormat() == null || style.numberFormat().isBlank() ? null : formatted(style.numberFormat());
  }

  /** A new workbook with one sheet named {@code sheetName}. */
  static XlsxSheetWriter create(Path target, String sheetName, WriteStyle style) {
    SXSSFWorkbook workbook = new SXSSFWorkbook(ROW_WINDOW);
    workbook.setCompressTempFiles(true);
    return new XlsxSheetWriter(workbook, workbook.createSheet(sheetName), target, style, 0, 0, 0);
  }

  /** Appends below the last row of sheet {@code sheetIndex} of {@code existing}. */
  static XlsxSheetWriter append(Path target, XSSFWorkbook existing, int sheetIndex, int headerRowIndex, int width,
      WriteStyle style) {
    int next = existing.getSheetAt(sheetIndex).getLastRowNum() + 1;
    SXSSFWorkbook workbook = new SXSSFWorkbook(existing, ROW_WINDOW);
    workbook.setCompressTempFiles(true);
    return new XlsxSheetWriter(workbook, workbook.getSheetAt(sheetIndex), target, style, headerRowIndex, next, width);
  }

  private CellStyle formatted(String format) {
    CellStyle cellStyle = workbook.createCellStyle();
    cellStyle.setDataFormat(workbook.createDataFormat().getFormat(format));
    return cellStyle;
  }

  @Override
  public void header(List<String> labels) {
    CellStyle headerStyle = workbook.createCellStyle();
    if (style.boldHeader()) {
      Font bold = workbook.createFont();
      bold.setBold(true);
      headerStyle.setFont(bold);
    }
    Row row = sheet.createRow(nextRow++);
    for (int i = 0; i < labels.size(); i++) {
      Cell cell = row.createCell(i);
      cell.setCellValue(labels.get(i));
      cell.setCellStyle(FormulaInjectionGuard.isDangerous(labels.get(i)) ? quoted : headerStyle);
      Integer chars = style.columnWidths().get(labels.get(i));
      int columnWidth = chars != null ? chars : Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, labels.get(i).length() + 2));
      sheet.setColumnWidth(i, Math.min(255, columnWidth) * 256);
    }
    width = labels.size();
  }

  /** Sets configured widths by column position, for a sheet whose header already exists. */
  void widths(List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      Integer chars = style.columnWidths().get(fields.get(i));
      if (chars != null) {
        sheet.setColumnWidth(i, Math.min(255, chars) * 256);
      }
    }
  }

  @Override
  public void row(List<Object> values) {
    Row row = sheet.createRow(nextRow++);
    for (int i = 0; i < values.size(); i++) {
      Object value = values.get(i);
      if (value != null) {
        set(row.createCell(i), value);
      }
    }
    width = Math.max(width, values.size());
  }

  private void set(Cell cell, Object value) {
    if (value instanceof BigDecimal decimal) {
      Optional<Double> exact = ExactCellNumber.of(decimal);
      if (exact.isEmpty()) {
        cell.setCellValue(decimal.toPlainString());
        return;
      }
      cell.setCellValue(exact.get());
      if (number != null) {
        cell.setCellStyle(number);
      }
    } else if (value instanceof Number numeric) {
      cell.setCellValue(numeric.doubleValue());
      if (number != null && !(numeric instanceof Long || numeric instanceof Integer)) {
        cell.setCellStyle(number);
      }
    } else if (value instanceof Boolean bool) {
      cell.setCellValue(bool);
    } else if (value instanceof LocalDate day) {
      cell.setCellValue(day);
      cell.setCellStyle(date);
    } else if (value instanceof LocalDateTime moment) {
      cell.setCellValue(moment);
      cell.setCellStyle(dateTime);
    } else {
      String text = value.toString();
      cell.setCellValue(text);
      if (FormulaInjectionGuard.isDangerous(text)) {
        cell.setCellStyle(quoted);
      }
    }
  }

  @Override
  public void commit() throws IOException {
    if (style.autoFilter() && width > 0) {
      sheet.setAutoFilter(new CellRangeAddress(headerRowIndex, Math.max(headerRowIndex, nextRow - 1), 0, width - 1));
    }
    try (OutputStream out = Files.newOutputStream(partial)) {
      workbook.write(out);
    }
    workbook.close();
    Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  @Override
  public void close() {
    try {
      workbook.close();
      Files.deleteIfExists(partial);
    } catch (IOException ignored) {
      // Only temporary files are left behind; the target is untouched.
    }
  }
}
