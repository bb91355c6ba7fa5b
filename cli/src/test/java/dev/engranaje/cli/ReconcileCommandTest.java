package dev.engranaje.cli;

import static dev.engranaje.cli.RpaRun.rpa;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.engranaje.cli.RpaRun.Result;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rpa reconcile} as an analyst types it, on the worked example of docs/finance/example/ (copied to
 * the test resources): the camt.053 and the same statement as MT940 against the ERP's open-items list.
 */
class ReconcileCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> BANK_REFS = List.of("2026112800001", "2026112800002", "2026112800003",
      "2026112800004", "2026112800005", "2026112800006", "2026112800007");
  private static final List<String> LEDGER_IDS = List.of("100245", "100246", "100247", "100248", "100249", "100250",
      "200511");
  /** (status, bankRefs, ledgerIds, rule, confidence, difference) of every group, as worked out by hand. */
  private static final Tuple[] EXPECTED_GROUPS = {
      tuple("confirmed", List.of("2026112800001"), List.of("100245"), "reference-exact", "high", "0.00"),
      tuple("confirmed", List.of("2026112800002"), List.of("100246"), "reference-exact", "high", "0.00"),
      tuple("confirmed", List.of("2026112800003"), List.of("200511"), "reference-exact", "high", "0.00"),
      tuple("confirmed", List.of("2026112800004"), List.of("100250"), "reference-with-fee", "high", "-0.95"),
      tuple("confirmed", List.of("2026112800007"), List.of("100247", "100248"), "reference-exact", "high", "0.00"),
      tuple("suggested", List.of("2026112800005"), List.of("100249"), "suggest-reference-or-amount", "low", "-20.00"),
      tuple("unmatched", List.of("2026112800006"), List.of(), null, null, "77.00")};

  @Test
  void shouldPrintOnlyTheDocumentedJsonOnStandardOutputWithDashAsJsonFile() throws Exception {
    // when
    Result result = rpa("reconcile", "--statement", example("camt053-2026-11-30.xml"), "--ledger",
        example("op-liste-2026-11.xlsx"), "--ledger-mapping", example("op-liste-2026-11.yaml"), "--json", "-");

    // then
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.err()).isEmpty();
    JsonNode root = JSON.readTree(result.out());
    assertThat(fieldNames(root)).containsExactly("statement", "ledger", "rules", "counts", "groups");
    JsonNode statement = root.get("statement");
    assertThat(fieldNames(statement)).containsExactly("source", "format", "account", "currency", "statementId",
        "sequence", "from", "to", "openingBalance", "closingBalance", "entries", "otherEntries", "credits", "debits");
    assertThat(statement.get("source").asText()).endsWith("camt053-2026-11-30.xml");
    assertThat(List.of(statement.get("format").asText(), statement.get("account").asText(),
        statement.get("currency").asText(), statement.get("statementId").asText(), statement.get("sequence").asText(),
        statement.get("from").asText(), statement.get("to").asText())).containsExactly("camt.053.001.08",
        "DE91100000000123456789", "EUR", "STMT-2026-11-30", "330", "2026-11-28", "2026-11-30");
    assertThat(statement.get("openingBalance")).isEqualTo(JSON.readTree("{\"amount\": \"10000.00\", \"date\": \"2026-11-27\"}"));
    assertThat(statement.get("closingBalance")).isEqualTo(JSON.readTree("{\"amount\": \"13426.60\", \"date\": \"2026-11-30\"}"));
    assertThat(statement.get("entries").asInt()).isEqualTo(7);
    assertThat(statement.get("otherEntries").asInt()).isZero();
    assertThat(statement.get("credits").isTextual()).isTrue();
    assertThat(statement.get("credits").asText()).isEqualTo("3516.50");
    assertThat(statement.get("debits").asText()).isEqualTo("-89.90");
    assertThat(root.get("ledger").get("items").asInt()).isEqualTo(7);
    assertThat(root.get("ledger").get("receivables").asText()).isEqualTo("3460.45");
    assertThat(root.get("ledger").get("payables").asText()).isEqualTo("-89.90");
    assertThat(root.get("rules").asText()).isEqualTo("defaults");
    assertThat(root.get("counts")).isEqualTo(JSON.readTree(
        "{\"confirmed\": 5, \"suggested\": 1, \"unmatchedBank\": 1, \"unmatchedLedger\": 0}"));
    assertThat(groups(root)).containsExactly(EXPECTED_GROUPS);
    assertThat(textsOf(root.get("groups"), "id")).containsExactly("G1", "G2", "G3", "G4", "G5", "G6", "G7");
    for (JsonNode group : root.get("groups")) {
      assertThat(fieldNames(group)).containsExactly("id", "status", "bankRefs", "ledgerIds", "rule", "confidence",
          "difference", "evidence");
      assertThat(group.get("difference").isTextual()).as("difference of %s is a string", group.get("id")).isTrue();
    }
    assertThat(everyOf(root, "bankRefs")).containsExactlyInAnyOrderElementsOf(BANK_REFS);
    assertThat(everyOf(root, "ledgerIds")).containsExactlyInAnyOrderElementsOf(LEDGER_IDS);
  }

  @Test
  void shouldGiveTheEvidenceOfTheFeeAndOfTheSuggestion() throws Exception {
    // when
    JsonNode root = JSON.readTree(rpa("reconcile", "--statement", example("camt053-2026-11-30.xml"), "--ledger",
        example("op-liste-2026-11.xlsx"), "--ledger-mapping", example("op-liste-2026-11.yaml"), "--json", "-").out());

    // then
    JsonNode fee = root.get("groups").get(3);
    assertThat(fee.get("evidence")).isEqualTo(JSON.readTree("""
        [{"field": "rule", "bank": "", "ledger": "",
          "comparison": "'reference-with-fee' (exact-reference, confidence high)"},
         {"field": "reference", "bank": "RE20261006", "ledger": "RE-2026-1006",
          "comparison": "normalised reference 'RE20261006' cited by the bank entry"},
         {"field": "amount", "bank": "99.00", "ledger": "99.95",
          "comparison": "difference -0.95 within tolerance (at most 10 and 2 %): a fee/write-off line"}]"""));
    JsonNode suggestion = root.get("groups").get(5);
    assertThat(textsOf(suggestion.get("evidence"), "field")).containsExactly("rule", "reference", "amount", "confidence");
    assertThat(suggestion.get("evidence").get(2).get("comparison").asText())
        .isEqualTo("difference -20.00 beyond what the confirming rules allow: suggested only");
    assertThat(root.get("groups").get(6).get("evidence")).isEmpty();
  }

  @Test
  void shouldWriteTheJsonFileAndTheReportAndPrintTheSummary(@TempDir Path dir) throws Exception {
    // given
    Path json = dir.resolve("result.json");
    Path report = dir.resolve("reconciliation.xlsx");

    // when
    Result result = rpa("reconcile", "--statement", example("camt053-2026-11-30.xml"), "--ledger",
        example("op-liste-2026-11.xlsx"), "--ledger-mapping", example("op-liste-2026-11.yaml"), "--report",
        report.toString(), "--json", json.toString());

    // then
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(groups(JSON.readTree(json.toFile()))).containsExactly(EXPECTED_GROUPS);
    assertThat(result.out()).contains(
        "Statement STMT-2026-11-30 (sequence 330), account DE91100000000123456789 (EUR), 2026-11-28 to 2026-11-30, 7 booked entries",
        "Opening balance 10000.00 (2026-11-27), closing balance 13426.60 (2026-11-30); credits 3516.50, debits -89.90",
        "confirmed               5", "suggested               1", "unmatched bank          1", "unmatched ledger        0",
        "G4     confirmed  reference-with-fee           high          -0.95  2026112800004                  100250",
        "G5     confirmed  reference-exact              high           0.00  2026112800007                  100247,100248",
        "Needs review: 1 suggestion(s), 1 unmatched bank entry, 0 unmatched ledger item(s).",
        "Result JSON written to " + json, "Report written to " + report);
    try (InputStream in = Files.newInputStream(report); Workbook workbook = WorkbookFactory.create(in)) {
      List<String> sheets = new ArrayList<>();
      workbook.forEach(sheet -> sheets.add(sheet.getSheetName()));
      assertThat(sheets).containsExactly("Summary", "Matched", "Suggested", "Unmatched bank", "Unmatched ledger");
      assertThat(firstColumn(workbook.getSheet("Matched"))).containsExactly("Group", "G1", "G2", "G3", "G4", "G5");
      assertThat(firstColumn(workbook.getSheet("Suggested"))).containsExactly("Group", "G6");
      assertThat(firstColumn(workbook.getSheet("Unmatched bank"))).containsExactly("Bank ref", "2026112800006");
      assertThat(firstColumn(workbook.getSheet("Unmatched ledger"))).containsExactly("Ledger id");
    }
  }

  @Test
  void shouldReconcileTheSameStatementAsMt940WithTheBanksReferenceOfEachLine() throws Exception {
    // when
    Result result = rpa("reconcile", "--statement", example("mt940-2026-11-30.sta"), "--format", "mt940", "--ledger",
        example("op-liste-2026-11.xlsx"), "--ledger-mapping", example("op-liste-2026-11.yaml"), "--json", "-");

    // then
    assertThat(result.exitCode()).as(result.err()).isZero();
    JsonNode root = JSON.readTree(result.out());
    assertThat(root.get("statement").get("format").asText()).startsWith("mt940");
    assertThat(root.get("statement").get("closingBalance").get("amount").asText()).isEqualTo("13426.60");
    assertThat(groups(root)).containsExactly(EXPECTED_GROUPS);
  }

  @Test
  void shouldReconcileABankCsvExportThroughItsProfile() throws Exception {
    // when: UTF-8 with a byte-order mark, a D/C column, running balances and one pending line
    Result result = rpa("reconcile", "--statement", example("account-export-2026-11.csv"), "--format",
        "csv:" + example("account-export.yaml"), "--ledger", example("op-liste-2026-11.xlsx"), "--ledger-mapping",
        example("op-liste-2026-11.yaml"), "--json", "-");

    // then
    assertThat(result.exitCode()).as(result.err()).isZero();
    JsonNode root = JSON.readTree(result.out());
    JsonNode statement = root.get("statement");
    assertThat(List.of(statement.get("format").asText(), statement.get("statementId").asText(),
        statement.get("entries").asText(), statement.get("otherEntries").asText(),
        statement.get("openingBalance").get("amount").asText(), statement.get("closingBalance").get("amount").asText()))
        .containsExactly("csv:account-export", "2026-11-28..2026-12-01", "7", "1", "10000.00", "13426.60");
    assertThat(groups(root)).containsExactly(EXPECTED_GROUPS);
  }

  @Test
  void shouldReconcileAGermanExportWithSollHabenColumnsUnderGeneratedEntryIds() throws Exception {
    // when: windows-1252, newest first, no bank reference column
    Result result = rpa("reconcile", "--statement", example("umsaetze-girokonto-2026-11.csv"), "--format",
        "csv:" + example("umsaetze-girokonto.yaml"), "--ledger", example("op-liste-2026-11.xlsx"), "--ledger-mapping",
        example("op-liste-2026-11.yaml"), "--json", "-");

    // then
    assertThat(result.exitCode()).as(result.err()).isZero();
    JsonNode root = JSON.readTree(result.out());
    assertThat(root.get("counts")).isEqualTo(JSON.readTree(
        "{\"confirmed\": 5, \"suggested\": 1, \"unmatchedBank\": 1, \"unmatchedLedger\": 0}"));
    assertThat(groups(root)).extracting(t -> t.toList().get(1), t -> t.toList().get(2), t -> t.toList().get(3)).containsExactly(
        tuple(List.of("2026-11-28..2026-11-30/1"), List.of("100245"), "reference-exact"),
        tuple(List.of("2026-11-28..2026-11-30/2"), List.of("100246"), "reference-exact"),
        tuple(List.of("2026-11-28..2026-11-30/3"), List.of("100247", "100248"), "reference-exact"),
        tuple(List.of("2026-11-28..2026-11-30/4"), List.of("200511"), "reference-exact"),
        tuple(List.of("2026-11-28..2026-11-30/5"), List.of("100250"), "reference-with-fee"),
        tuple(List.of("2026-11-28..2026-11-30/6"), List.of("100249"), "suggest-reference-or-amount"),
        tuple(List.of("2026-11-28..2026-11-30/7"), List.of(), null));
  }

  @Test
  void shouldExitWithOneNamingTheProfileWhenTheExportProfileIsBad(@TempDir Path dir) throws Exception {
    // given
    Path profile = Files.writeString(dir.resolve("bank.yaml"), "currency: EUR\ncolumns: {bookingDate: Date}\n");

    // when
    Result result = rpa("reconcile", "--statement", example("account-export-2026-11.csv"), "--format", "csv:" + profile,
        "--ledger", example("op-liste-2026-11.xlsx"), "--ledger-mapping", example("op-liste-2026-11.yaml"));

    // then
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("Invalid export profile '" + profile + "': Expected 'columns.amount'", "(--format)");
  }

  @Test
  void shouldExitWithOneNamingTheFileWhenTheStatementIsMissing(@TempDir Path dir) throws Exception {
    // given
    Path missing = dir.resolve("no-such-statement.xml");

    // when
    Result result = rpa("reconcile", "--statement", missing.toString(), "--ledger", example("op-liste-2026-11.xlsx"),
        "--ledger-mapping", example("op-liste-2026-11.yaml"));

    // then
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("Expected the statement file '" + missing + "', but there is no such file");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void shouldExitWithOneNamingTheFileAndPositionWhenTheStatementIsBroken(@TempDir Path dir) throws Exception {
    // given: the example cut off in the middle of its third entry
    String camt = Files.readString(Path.of(example("camt053-2026-11-30.xml")), StandardCharsets.UTF_8);
    Path broken = Files.writeString(dir.resolve("broken.xml"), camt.substring(0, camt.indexOf("2026112800007")));

    // when
    Result result = rpa("reconcile", "--statement", broken.toString(), "--ledger", example("op-liste-2026-11.xlsx"),
        "--ledger-mapping", example("op-liste-2026-11.yaml"), "--json", "-");

    // then
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("Expected a readable bank statement in '" + broken + "', but at line ");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void shouldRefuseAStatementThatDoesNotAddUp(@TempDir Path dir) throws Exception {
    // given
    String mt940 = Files.readString(Path.of(example("mt940-2026-11-30.sta")), StandardCharsets.UTF_8);
    Path unbalanced = Files.writeString(dir.resolve("unbalanced.sta"), mt940.replace(":62F:C261130EUR13426,60",
        ":62F:C261130EUR13426,66"));

    // when
    Result result = rpa("reconcile", "--statement", unbalanced.toString(), "--ledger", example("op-liste-2026-11.xlsx"),
        "--ledger-mapping", example("op-liste-2026-11.yaml"));

    // then
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("Refusing to reconcile: ", unbalanced.toString(), "0.06");
  }

  @Test
  void shouldExitWithOneNamingTheMappingAndTheKeyWhenTheMappingIsBad(@TempDir Path dir) throws Exception {
    // given: 'id' misspelt
    String yaml = Files.readString(Path.of(example("op-liste-2026-11.yaml")), StandardCharsets.UTF_8);
    Path mapping = Files.writeString(dir.resolve("bad-mapping.yaml"), yaml.replace("  id: Beleg-Nr.", "  ident: Beleg-Nr."));

    // when
    Result result = rpa("reconcile", "--statement", example("camt053-2026-11-30.xml"), "--ledger",
        example("op-liste-2026-11.xlsx"), "--ledger-mapping", mapping.toString());

    // then
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("Invalid ledger mapping '" + mapping + "'", "found 'columns.ident'");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void shouldExitWithOneWhenTheMappingNamesAColumnTheLedgerLacks(@TempDir Path dir) throws Exception {
    // given
    String yaml = Files.readString(Path.of(example("op-liste-2026-11.yaml")), StandardCharsets.UTF_8);
    Path mapping = Files.writeString(dir.resolve("wrong-column.yaml"), yaml.replace("Beleg-Nr.", "Belegnummer"));

    // when
    Result result = rpa("reconcile", "--statement", example("camt053-2026-11-30.xml"), "--ledger",
        example("op-liste-2026-11.xlsx"), "--ledger-mapping", mapping.toString());

    // then
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("op-liste-2026-11.xlsx", "Belegnummer");
  }

  @Test
  void shouldExitWithOneNamingTheFormatWhenItIsUnknown() throws Exception {
    // when
    Result result = rpa("reconcile", "--statement", example("camt053-2026-11-30.xml"), "--format", "bai2", "--ledger",
        example("op-liste-2026-11.xlsx"), "--ledger-mapping", example("op-liste-2026-11.yaml"));

    // then
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("but got 'bai2'", "(--format)");
  }

  private static List<Tuple> groups(JsonNode root) {
    List<Tuple> groups = new ArrayList<>();
    for (JsonNode group : root.get("groups")) {
      groups.add(tuple(group.get("status").asText(), texts(group.get("bankRefs")), texts(group.get("ledgerIds")),
          group.get("rule").isNull() ? null : group.get("rule").asText(),
          group.get("confidence").isNull() ? null : group.get("confidence").asText(), group.get("difference").asText()));
    }
    return groups;
  }

  private static List<String> everyOf(JsonNode root, String field) {
    List<String> all = new ArrayList<>();
    root.get("groups").forEach(group -> all.addAll(texts(group.get(field))));
    return all;
  }

  private static List<String> texts(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> {
      assertThat(value.isTextual()).as("'%s' is a string", value).isTrue();
      values.add(value.asText());
    });
    return values;
  }

  private static List<String> textsOf(JsonNode array, String field) {
    List<String> values = new ArrayList<>();
    array.forEach(node -> values.add(node.get(field).asText()));
    return values;
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<String> firstColumn(Sheet sheet) {
    List<String> values = new ArrayList<>();
    sheet.forEach(row -> values.add(row.getCell(0) == null ? "" : row.getCell(0).getStringCellValue()));
    return values;
  }

  private static String example(String name) throws URISyntaxException {
    return Path.of(ReconcileCommandTest.class.getResource("/reconcile/" + name).toURI()).toString();
  }
}
