package dev.engranaje.workers.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.engranaje.workers.api.BusinessError;
import dev.engranaje.workers.api.TechnicalFailure;
import dev.engranaje.workers.fuzz.ByteMutations;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9's fuzzing of the spreadsheet readers: real xlsx, xls and CSV files mutated ({@link
 * ByteMutations}) and read by {@link ReadSpreadsheetWorker} end to end. Each read completes, or fails
 * with a {@link TechnicalFailure} or {@link BusinessError} (the failures the runtime turns into
 * retries, incidents or BPMN errors with a message); never another exception type, never a hang.
 */
class SpreadsheetReaderFuzzTest {
  private static final Duration HANG = Duration.ofSeconds(30);
  private static final byte[] CSV = ("invoice;supplier;amount;date\nINV-1;Acme;1250.10;2026-11-02\n"
      + "INV-2;\"Müller, GmbH\";89.90;2026-11-15\nINV-3;Fee é;-4.00;2026-11-20\n").getBytes(StandardCharsets.UTF_8);

  @TempDir Path root;
  private JobContexts jobs;
  private final ReadSpreadsheetWorker worker = new ReadSpreadsheetWorker();

  @BeforeEach
  void open() {
    jobs = new JobContexts(root, "rpa:spreadsheet.read:1", 1L);
  }

  @AfterEach
  void close() {
    jobs.close();
  }

  @TestFactory
  Stream<DynamicTest> shouldCompleteOrFailClearlyWhenAWorkbookIsMutated() {
    List<byte[]> seeds = Stream.of("53105.xlsx", "InlineStrings.xlsx", "TwoSheetsOneHidden.xlsx", "1900DateWindowing.xls",
        "testEXCEL_95.xls").map(name -> dev.engranaje.workers.fuzz.Resources.read("/spreadsheet/corpus/" + name)).toList();
    return tries(new ByteMutations(seeds, ByteMutations.SEED), List.of(".xlsx", ".xls"));
  }

  @TestFactory
  Stream<DynamicTest> shouldCompleteOrFailClearlyWhenACsvFileIsMutated() {
    return tries(new ByteMutations(List.of(CSV), ByteMutations.SEED + 1), List.of(".csv"));
  }

  private Stream<DynamicTest> tries(ByteMutations mutations, List<String> extensions) {
    return IntStream.range(0, ByteMutations.tries(40)).mapToObj(i -> {
      ByteMutations.Mutant mutant = mutations.next();
      String name = "fuzz-" + i + extensions.get(i % extensions.size());
      return DynamicTest.dynamicTest(name + ": " + mutant.how(), () -> assertTimeoutPreemptively(HANG, () -> {
        String file = jobs.file(name, mutant.bytes());
        try {
          worker.handle(Inputs.read(file), jobs.context);
        } catch (TechnicalFailure | BusinessError clear) {
          assertThat(clear.getMessage()).isNotBlank();
        }
      }));
    });
  }
}
