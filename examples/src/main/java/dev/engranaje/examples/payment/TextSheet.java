package dev.engranaje.examples.payment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.IntUnaryOperator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * One sheet of an ERP export as the sample data writes it: a header row, then rows whose every
 * cell is text (so ids keep their zeros and amounts stay the exact decimal), the header frozen.
 */
final class TextSheet {

  private TextSheet() {}

  /** @param widthInCharacters the width of each column, by its index */
  static byte[] write(String sheetName, List<String> headers, List<List<String>> rows,
      IntUnaryOperator widthInCharacters) {
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      // a fixed creation date, so the generator's output is the same on every run
      workbook.getProperties().getCoreProperties().setCreated(Optional.of(Date.from(Instant.parse("2026-11-30T08:00:00Z"))));
      Sheet sheet = workbook.createSheet(sheetName);
      writeRow(sheet.createRow(0), headers);
      int r = 1;
      for (List<String> values : rows) {
        writeRow(sheet.createRow(r++), values);
      }
      sheet.createFreezePane(0, 1);
      for (int i = 0; i < headers.size(); i++) {
        sheet.setColumnWidth(i, widthInCharacters.applyAsInt(i) * 256);
      }
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeRow(Row row, List<String> values) {
    for (int i = 0; i < values.size(); i++) {
      row.createCell(i).setCellValue(values.get(i));
    }
  }
}
