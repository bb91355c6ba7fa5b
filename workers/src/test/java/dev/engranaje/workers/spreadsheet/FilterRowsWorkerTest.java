package dev.engranaje.workers.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.engranaje.workers.api.BusinessError;
import dev.engranaje.workers.api.TechnicalFailure;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilterRowsWorkerTest {
  private static final Map<String, String> TYPES = Map.of("amount", "decimal", "due", "date");

  @TempDir Path dir;
  private JobContexts contexts;
  private String file;

  @BeforeEach
  void open() {
    contexts = new JobContexts(dir, "rpa:spreadsheet.filter:1", 3);
    file = contexts.file("invoices.csv", ("supplier,amount,due,status\n"
        + "ACME,1500.00,2026-11-30,open\n"
        + "Globex,99.90,2026-12-15,paid\n"
        + "acme iberia,2500.10,2026-12-01,open\n"
        + "Initech,,2026-12-20,open\n").getBytes(StandardCharsets.UTF_8));
  }

  @AfterEach
  void close() {
    contexts.close();
  }

  private static FilterRowsWorker.Input filter(String file, List<Condition> conditions, String match) {
    return new FilterRowsWorker.Input(file, null, null, null, null, TYPES, null, null, null, null, null, null, null,
        conditions, match, null, null, null);
  }

  @Test
  void shouldKeepRowsMeetingAllConditionsWhenFiltering() throws Exception {
    List<Condition> conditions = List.of(new Condition("status", "equals", "open", null),
        new Condition("amount", "greaterThan", 1000, null), new Condition("due", "lessOrEqual", "2026-12-01", null));

    RowsResult result = new FilterRowsWorker().handle(filter(file, conditions, null), contexts.context);

    assertThat(result.rows()).extracting(row -> row.get("supplier")).containsExactly("ACME", "acme iberia");
    assertThat(result.rowCount()).isEqualTo(2);
    assertThat(result.scannedCount()).isEqualTo(4);
  }

  @Test
  void shouldKeepRowsMeetingAnyConditionWhenMatchIsAny() throws Exception {
    List<Condition> conditions = List.of(new Condition("supplier", "startsWith", "ACME", true),
        new Condition("amount", "isEmpty", null, null));

    RowsResult result = new FilterRowsWorker().handle(filter(file, conditions, "any"), contexts.context);

    assertThat(result.rows()).extracting(row -> row.get("supplier")).containsExactly("ACME", "acme iberia", "Initech");
  }

  @Test
  void shouldMatchListedValuesWhenOperatorIsIn() throws Exception {
    RowsResult result = new FilterRowsWorker().handle(filter(file,
        List.of(new Condition("amount", "in", List.of(99.9, "1500"), null)), null), contexts.context);

    assertThat(result.rows()).extracting(row -> row.get("amount"))
        .containsExactly(new BigDecimal("1500.00"), new BigDecimal("99.90"));
  }

  @Test
  void shouldFailPermanentlyNamingTheConditionWhenColumnIsUnknown() {
    Throwable thrown = catchThrowable(() -> new FilterRowsWorker().handle(filter(file,
        List.of(new Condition("iban", "equals", "x", null)), null), contexts.context));

    assertThat(thrown).isInstanceOf(TechnicalFailure.class).hasMessage(String.format(RowMatcher.UNKNOWN_COLUMN, 1,
        "invoices.csv", "iban", "[supplier, amount, due, status]"));
  }

  @Test
  void shouldReturnTheRowWhenLookingUpAKey() throws Exception {
    var input = new LookupRowWorker.Input(file, null, null, null, null, TYPES, null, null, null, null, null, null,
        null, "supplier", "GLOBEX", true, null);

    LookupRowWorker.Result result = new LookupRowWorker().handle(input, contexts.context);

    assertThat(result.found()).isTrue();
    assertThat(result.rowNumber()).isEqualTo(3);
    assertThat(result.row()).containsEntry("amount", new BigDecimal("99.90")).containsEntry("status", "paid");
  }

  @Test
  void shouldRaiseRowNotFoundWhenKeyIsMissingAndRequired() {
    var input = new LookupRowWorker.Input(file, null, null, null, null, TYPES, null, null, null, null, null, null,
        null, "supplier", "Umbrella", null, null);

    Throwable thrown = catchThrowable(() -> new LookupRowWorker().handle(input, contexts.context));

    assertThat(thrown).isInstanceOf(BusinessError.class)
        .hasMessage(String.format(LookupRowWorker.NOT_FOUND, "supplier", "Umbrella", "invoices.csv", 4));
    assertThat(((BusinessError) thrown).code()).isEqualTo("ROW_NOT_FOUND");
  }

  @Test
  void shouldReportNotFoundWhenKeyIsMissingAndOptional() throws Exception {
    var input = new LookupRowWorker.Input(file, null, null, null, null, TYPES, null, null, null, null, null, null,
        null, "supplier", "Umbrella", null, false);

    assertThat(new LookupRowWorker().handle(input, contexts.context)).isEqualTo(new LookupRowWorker.Result(false, null, 0));
  }
}
