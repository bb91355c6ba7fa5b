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
 * Writes the supplier master as an ERP's vendor export: one sheet {@code Suppliers}, a header row
 * with the default column names of {@code rpa:payments.check-invoice:1}, every cell text (so an id
 * keeps its zeros).
 */
final class SupplierMasterWriter {
  static final List<String> HEADERS = List.of("supplierId", "name", "vatId", "iban", "bic", "email", "country");
  static final String SHEET = "Suppliers";

  private SupplierMasterWriter() {}

  static byte[] write(List<SampleSupplier> suppliers) {
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      // a fixed creation date, so the generator's output is the same on every run
      workbook.getProperties().getCoreProperties().setCreated(Optional.of(Date.from(Instant.parse("2026-11-30T08:00:00Z"))));
      Sheet sheet = workbook.createSheet(SHEET);
      Row header = sheet.createRow(0);
      for (int i = 0; i < HEADERS.size(); i++) {
        header.createCell(i).setCellValue(HEADERS.get(i));
      }
      int r = 1;
      for (SampleSupplier s : suppliers) {
        Row row = sheet.createRow(r++);
        List<String> values = List.of(s.supplierId(), s.name(), s.vatId(), s.iban(), s.bic(), s.email(), s.country());
        for (int i = 0; i < values.size(); i++) {
          row.createCell(i).setCellValue(values.get(i));
        }
      }
      sheet.createFreezePane(0, 1);
      for (int i = 0; i < HEADERS.size(); i++) {
        sheet.setColumnWidth(i, (i == 1 || i == 5 ? 34 : 26) * 256);
      }
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
