package dev.engranaje.workers.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.engranaje.workers.api.Secret;
import dev.engranaje.workers.api.TechnicalFailure;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every spreadsheet of the shared corpus (copied to src/test/resources/spreadsheet/corpus, see
 * SOURCES.md there) gets a correct read or a clear, permanent error naming the file.
 */
class SpreadsheetCorpusTest {
  @TempDir Path dir;
  private JobContexts contexts;

  @BeforeEach
  void open() {
    contexts = new JobContexts(dir, "rpa:spreadsheet.read:1", 1);
  }

  @AfterEach
  void close() {
    contexts.close();
  }

  static Stream<Arguments> readable() {
    return Stream.of(
        Arguments.of("1900DateWindowing.xls", 0, null, 1, Map.of("A", LocalDate.of(2000, 1, 1))),
        Arguments.of("1904DateWindowing.xls", 0, null, 1, Map.of("A", LocalDate.of(2000, 1, 1))),
        Arguments.of("53105.xlsx", 0, null, 2, Map.of("XFD", new java.math.BigDecimal("1"))),
        Arguments.of("54084-greek-beyond-bmp.xlsx", 0, null, 1, Map.of()),
        Arguments.of("59746_NoRowNums.xlsx", 1, null, 70, Map.of("Ion", "[M+Na]+1")),
        Arguments.of("64750.xlsx", 0, null, 1, Map.of()),
        Arguments.of("DateFormatTests.xlsx", 1, null, 3, Map.of("Flag Name", "Title")),
        Arguments.of("InlineStrings.xlsx", 1, null, 6, Map.of()),
        Arguments.of("MalformedSSTCount.xlsx", 1, null, 2, Map.of("sdgf", "asdc")),
        Arguments.of("SimpleStrict.xlsx", 1, null, 5, Map.of()),
        Arguments.of("TwoSheetsOneHidden.xlsx", 0, null, 1, Map.of("A", "Sheet2A1")),
        Arguments.of("noSharedStringTable.xlsx", 0, null, 1, Map.of("A", LocalDate.of(2006, 4, 12))),
        Arguments.of("shared_formulas.xlsx", 1, null, 40, Map.of()),
        Arguments.of("xxe_in_schema.xlsx", 0, null, 2, Map.of()),
        Arguments.of("password.xls", 0, "password", -1, Map.of()),
        Arguments.of("protected_passtika.xlsx", 0, "tika", -1, Map.of()),
        Arguments.of("xor-encryption-abc.xls", 0, "abc", -1, Map.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("readable")
  void shouldReadTypedRowsWhenCorpusFileIsReadable(String name, int headerRow, String password, int rows,
      Map<String, Object> firstRowHas) throws Exception {
    String file = contexts.fixture("corpus/" + name);
    Secret secret = password == null ? null : new Secret("XLSX_PASSWORD", password);

    RowsResult result = new ReadSpreadsheetWorker().handle(Inputs.read(file, headerRow, secret, "file", null),
        contexts.context);

    if (rows >= 0) {
      assertThat(result.rowCount()).isEqualTo(rows);
    } else {
      assertThat(result.rowCount()).isPositive();
    }
    if (!firstRowHas.isEmpty()) {
      RowsResult inVariables = new ReadSpreadsheetWorker().handle(Inputs.read(file, headerRow, secret, null, null),
          contexts.context);
      assertThat(inVariables.rows().get(0)).containsAllEntriesOf(firstRowHas);
    }
  }

  static Stream<Arguments> refused() {
    return Stream.of(
        Arguments.of("Simple.xlsb", "is an Excel binary workbook (xlsb)"),
        Arguments.of("testEXCEL_95.xls", "is an Excel 5.0/95 (BIFF5) or older file"),
        Arguments.of("password.xls", "is password-protected"),
        Arguments.of("protected_passtika.xlsx", "is password-protected"),
        Arguments.of("xor-encryption-abc.xls", "is password-protected"),
        Arguments.of("poc-xmlbomb.xlsx", "refused as hostile (XML with a DOCTYPE or entity declarations"),
        Arguments.of("poc-shared-strings.xlsx", "refused as hostile (cell A0 in row 0 holds 1,048,576 characters"),
        Arguments.of("duplicate-filename.xlsx", "refused as hostile (the ZIP holds two entries with the same name)"),
        Arguments.of("clusterfuzz-testcase-minimized-XLSX2CSVFuzzer-5636439151607808.xlsx", "is corrupt or truncated"),
        Arguments.of("xlsx-corrupted.xlsx", "is corrupt or truncated"),
        Arguments.of("64750.xlsx", "Expected the column names in row 1 of '64750.xlsx', but that row is empty"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void shouldFailPermanentlyNamingTheFileWhenCorpusFileIsHostileOrUnreadable(String name, String reason) {
    String file = contexts.fixture("corpus/" + name);

    Throwable thrown = catchThrowable(() -> new ReadSpreadsheetWorker().handle(Inputs.read(file), contexts.context));

    assertThat(thrown).isInstanceOf(TechnicalFailure.class).hasMessageContaining("'" + name + "'")
        .hasMessageContaining(reason);
    assertThat(((TechnicalFailure) thrown).isRetryable()).isFalse();
  }

  @org.junit.jupiter.api.Test
  void shouldCoverEveryCorpusSpreadsheet() throws Exception {
    java.util.Set<String> covered = new java.util.HashSet<>();
    readable().forEach(a -> covered.add((String) a.get()[0]));
    refused().forEach(a -> covered.add((String) a.get()[0]));
    try (Stream<Path> files = java.nio.file.Files.list(Path.of(
        SpreadsheetCorpusTest.class.getResource("/spreadsheet/corpus/SOURCES.md").toURI()).getParent())) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.matches(".*\\.xls[xb]?")))
          .hasSize(24).allMatch(covered::contains);
    }
  }
}
