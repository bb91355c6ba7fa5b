package dev.engranaje.examples.reconciliation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the open items as an ERP's "open items" export: one sheet {@code Open items}, a header row,
 * dates as date cells ({@code yyyy-mm-dd}), amounts as number cells ({@code #,##0.00}; receivables
 * positive, payables negative).
 */
public final class LedgerWorkbookWriter {
  /** The header row, as the ledger mapping names the columns. */
  public static final List<String> HEADERS = List.of("Document No.", "Type", "Partner", "Partner IBAN", "Reference",
      "Document Date", "Due Date", "Open Amount", "Currency");
  public static final String SHEET = "Open items";

  private LedgerWorkbookWriter() {}

  public static byte[] write(List<LedgerEntryRow> items) {
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      // a fixed creation date, so the generator's output is the same on every run
      workbook.getProperties().getCoreProperties().setCreated(Optional.of(Date.from(
          items.isEmpty() ? java.time.Instant.EPOCH : items.get(0).documentDate().atStartOfDay().toInstant(ZoneOffset.UTC))));
      Sheet sheet = workbook.createSheet(SHEET);
      CellStyle date = workbook.createCellStyle();
      date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
      CellStyle money = workbook.createCellStyle();
      money.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
      Row header = sheet.createRow(0);
      for (int i = 0; i < HEADERS.size(); i++) {
        header.createCell(i).setCellValue(HEADERS.get(i));
      }
      int r = 1;
      for (LedgerEntryRow item : items) {
        Row row = sheet.createRow(r++);
        row.createCell(0).setCellValue(item.documentNo());
        row.createCell(1).setCellValue(item.type());
        row.createCell(2).setCellValue(item.partner());
        row.createCell(3).setCellValue(item.partnerIban());
        row.createCell(4).setCellValue(item.reference());
        dateCell(row.createCell(5), item.documentDate(), date);
        dateCell(row.createCell(6), item.dueDate(), date);
        Cell amount = row.createCell(7);
        // two-decimal amounts below 10^13 survive the double of an xlsx number cell exactly as text
        amount.setCellValue(item.amount().doubleValue());
        amount.setCellStyle(money);
        row.createCell(8).setCellValue(item.currency());
      }
      sheet.createFreezePane(0, 1);
      for (int i = 0; i < HEADERS.size(); i++) {
        sheet.setColumnWidth(i, (i == 2 ? 30 : 16) * 256);
      }
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void dateCell(Cell cell, java.time.LocalDate value, CellStyle style) {
    cell.setCellValue(value);
    cell.setCellStyle(style);
  }
}
