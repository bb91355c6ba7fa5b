package dev.engranaje.examples.payment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the open invoices as an ERP's open-items export: one sheet {@code Open items}, a header row
 * with the row fields of {@code rpa:payments.check-invoice:1}, every cell text, so an amount stays the
 * exact decimal the ERP booked and a date stays ISO.
 */
final class OpenInvoicesWriter {
  static final List<String> HEADERS = List.of("invoiceNumber", "supplierId", "supplierName", "issueDate", "dueDate",
      "amount", "currency", "paymentReference");
  static final String SHEET = "Open items";

  private OpenInvoicesWriter() {}

  static byte[] write(List<SampleOpenItem> items) {
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      // a fixed creation date, so the generator's output is the same on every run
      workbook.getProperties().getCoreProperties().setCreated(Optional.of(Date.from(Instant.parse("2026-11-30T08:00:00Z"))));
      Sheet sheet = workbook.createSheet(SHEET);
      Row header = sheet.createRow(0);
      for (int i = 0; i < HEADERS.size(); i++) {
        header.createCell(i).setCellValue(HEADERS.get(i));
      }
      int r = 1;
      for (SampleOpenItem item : items) {
        Row row = sheet.createRow(r++);
        List<String> values = List.of(item.invoiceNumber(), item.supplier().supplierId(), item.supplier().name(),
            item.issueDate().toString(), item.dueDate().toString(), item.amount(), "EUR", item.paymentReference());
        for (int i = 0; i < values.size(); i++) {
          row.createCell(i).setCellValue(values.get(i));
        }
      }
      sheet.createFreezePane(0, 1);
      for (int i = 0; i < HEADERS.size(); i++) {
        sheet.setColumnWidth(i, (i == 2 ? 34 : 18) * 256);
      }
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
