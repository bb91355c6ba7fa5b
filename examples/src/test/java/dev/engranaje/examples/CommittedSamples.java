package dev.engranaje.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Checks that the sample files committed under {@code examples/} are what their generator writes. */
public final class CommittedSamples {
  private CommittedSamples() {}

  /**
   * Every generated file exists below {@code samples} with the same content: xlsx compared by what a
   * reader sees (POI stamps zip entry times), everything else byte for byte.
   */
  public static void assertMatch(Path samples, Map<String, byte[]> generated, String generator) throws IOException {
    for (Map.Entry<String, byte[]> file : generated.entrySet()) {
      Path committed = samples.resolve(file.getKey());
      assertThat(committed).as("committed " + file.getKey()).exists();
      String advice = file.getKey() + " differs from what " + generator + " writes; run it again and commit";
      if (file.getKey().endsWith(".xlsx")) {
        assertThat(cells(Files.readAllBytes(committed))).as(advice).isEqualTo(cells(file.getValue()));
      } else {
        assertThat(Files.readAllBytes(committed)).as(advice).isEqualTo(file.getValue());
      }
    }
  }

  /** Each row of each sheet as "sheet!row" followed by "value|type" per cell. */
  public static List<List<String>> cells(byte[] xlsx) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    DataFormatter formatter = new DataFormatter(Locale.ROOT);
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      for (Sheet sheet : workbook) {
        for (Row row : sheet) {
          List<String> values = new ArrayList<>();
          values.add(sheet.getSheetName() + "!" + row.getRowNum());
          for (Cell cell : row) {
            values.add(formatter.formatCellValue(cell) + "|" + cell.getCellType());
          }
          rows.add(values);
        }
      }
    }
    return rows;
  }
}
