package dev.engranaje.workers.spreadsheet;

import dev.engranaje.workers.api.BusinessError;
import dev.engranaje.workers.api.JobContext;
import dev.engranaje.workers.api.JobType;
import dev.engranaje.workers.api.JobWorker;
import dev.engranaje.workers.api.Secret;
import dev.engranaje.workers.api.TechnicalFailure;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Keeps the rows of a spreadsheet, CSV or JSON Lines data file that meet simple conditions (all of
 * them, or any), streaming, into the {@code rows} variable or a data file like {@link
 * ReadSpreadsheetWorker}.
 *
 * <p>Business errors: {@code SHEET_NOT_FOUND}, {@code COLUMN_NOT_FOUND}, {@code TOO_MANY_ROWS}.
 * Thread-safe (stateless).
 */
@JobType("rpa:spreadsheet.filter:1")
public final class FilterRowsWorker implements JobWorker<FilterRowsWorker.Input, RowsResult> {
  static final String BAD_MATCH = "Expected 'match' to be all or any, but got '%s'";

  /**
   * What to filter.
   *
   * @param conditions the tests rows must meet; none keeps every row
   * @param match {@code all} (default) or {@code any}
   */
  public record Input(String file, String sheet, Integer sheetIndex, Integer headerRow, Map<String, String> columns,
      Map<String, String> columnTypes, String delimiter, String quote, String encoding, String decimalSeparator,
      String thousandsSeparator, List<String> dateFormats, Secret password, List<Condition> conditions, String match,
      String into, Integer maxRowsInVariables, String output) implements SourceSettings {}

  @Override
  public Class<Input> inputType() {
    return Input.class;
  }

  @Override
  public RowsResult handle(Input input, JobContext context) throws TechnicalFailure, BusinessError, IOException {
    boolean any = any(input.match());
    CompiledConditions compiled = new CompiledConditions(input);
    try {
      return RowScan.scan(context, input.file(), input, input.into(), input.maxRowsInVariables(), input.output(),
          record -> compiled.test(record, any));
    } catch (IllegalArgumentException badCondition) {
      throw TechnicalFailure.permanent(badCondition.getMessage(), badCondition);
    }
  }

  private static boolean any(String match) throws TechnicalFailure {
    if (match == null || match.isBlank() || match.equalsIgnoreCase("all")) {
      return false;
    }
    if (match.equalsIgnoreCase("any")) {
      return true;
    }
    throw TechnicalFailure.permanent(String.format(BAD_MATCH, match.toLowerCase(Locale.ROOT)));
  }

  /** Compiles the conditions on the first record, when the fields are known. */
  private static final class CompiledConditions {
    private final Input input;
    private List<RowMatcher> matchers;

    CompiledConditions(Input input) {
      this.input = input;
    }

    boolean test(SheetRecord record, boolean any) {
      if (matchers == null) {
        matchers = new ArrayList<>();
        List<Condition> conditions = input.conditions() == null ? List.of() : input.conditions();
        List<String> fields = List.copyOf(record.values().keySet());
        for (int i = 0; i < conditions.size(); i++) {
          matchers.add(RowMatcher.compile(conditions.get(i), i + 1, fields, input.file()));
        }
      }
      if (matchers.isEmpty()) {
        return true;
      }
      return any ? matchers.stream().anyMatch(m -> m.test(record.values()))
          : matchers.stream().allMatch(m -> m.test(record.values()));
    }
  }
}
