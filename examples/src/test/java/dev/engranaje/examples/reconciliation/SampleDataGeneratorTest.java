package dev.engranaje.examples.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.examples.CommittedSamples;
import dev.engranaje.workers.finance.securexml.SecureXml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.Validator;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class SampleDataGeneratorTest {
  /** The committed sample files, relative to the examples module (the tests' working directory). */
  private static final Path SAMPLES = Path.of("bank-reconciliation");

  @Test
  void shouldMatchTheCommittedFilesWhenGeneratedAgain() throws IOException {
    // given
    Map<String, byte[]> generated = SampleDataGenerator.files();

    // then
    assertThat(generated).hasSizeGreaterThanOrEqualTo(9);
    assertThat(generated.keySet()).filteredOn(name -> name.endsWith(".xlsx")).allSatisfy(name ->
        assertThat(CommittedSamples.cells(generated.get(name))).allSatisfy(row -> assertThat(row.get(0)).startsWith(LedgerWorkbookWriter.SHEET + "!")));
    CommittedSamples.assertMatch(SAMPLES, generated, "SampleDataGenerator");
  }

  @Test
  void shouldBeValidCamt053WhenCheckedAgainstTheOfficialSchema() throws Exception {
    // given
    // the official XSD as the statement worker bundles it (origin in its SOURCES.md)
    Schema schema = SecureXml.schema("/dev/engranaje/workers/finance/statement/camt/camt.053.001.02.xsd");

    // when / then: validate() throws on the first violation, naming line and column
    for (String name : List.of("statement-2026-11.camt053.xml", "small/statement-small.camt053.xml",
        "small/statement-small-unbalanced.camt053.xml")) {
      Validator validator = SecureXml.validator(schema);
      validator.validate(new StreamSource(new ByteArrayInputStream(SampleDataGenerator.files().get(name)), name));
    }
  }

  @Test
  void shouldCoverEveryMatchingCaseWithSeveralHundredEntriesWhenTheMonthIsGenerated() {
    // given
    SampleData month = SampleData.generate(SampleDataGenerator.SEED, SampleDataGenerator.MONTH, SampleData.Sizes.MONTH);

    // then
    assertThat(month.entries()).hasSizeGreaterThan(300);
    assertThat(month.truth().stream().map(TruthRow::matchCase).collect(Collectors.toSet())).containsExactlyInAnyOrder(
        "exact-invoice", "rf-reference", "end-to-end", "amount-date-party", "one-payment-many-invoices",
        "many-payments-one-invoice", "fee-difference", "ambiguous", "near-miss", "bank-only", "ledger-only");
    // every entry and every item is in exactly one truth group
    List<String> bankRefs = month.truth().stream().flatMap(t -> t.bankRefs().stream()).toList();
    List<String> ledgerIds = month.truth().stream().flatMap(t -> t.ledgerIds().stream()).toList();
    assertThat(bankRefs).doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(month.entries().stream().map(BankEntry::bankRef).toList());
    assertThat(ledgerIds).doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(month.ledgerItems().stream().map(LedgerEntryRow::documentNo).toList());
    assertThat(month.entries()).allSatisfy(e -> assertThat(e.bankRef()).hasSizeLessThanOrEqualTo(16));
  }

  @Test
  void shouldBalanceOpeningPlusEntriesToClosingWhenTheMt940IsSummed() {
    // given
    String mt940 = new String(SampleDataGenerator.files().get("statement-2026-11.mt940.sta"), StandardCharsets.ISO_8859_1);

    // when
    BigDecimal opening = balance(mt940, ":60F:");
    BigDecimal closing = balance(mt940, ":62F:");
    BigDecimal sum = BigDecimal.ZERO;
    Matcher line = Pattern.compile(":61:\\d{6}\\d{4}([CD])(\\d+,\\d{2})").matcher(mt940);
    int entries = 0;
    while (line.find()) {
      BigDecimal amount = new BigDecimal(line.group(2).replace(',', '.'));
      sum = sum.add(line.group(1).equals("C") ? amount : amount.negate());
      entries++;
    }

    // then
    assertThat(entries).isGreaterThan(300);
    assertThat(opening.add(sum)).isEqualByComparingTo(closing);
    assertThat(mt940.split("\r\n")).allSatisfy(l -> assertThat(l).hasSizeLessThanOrEqualTo(65 + 4));
    assertThat(mt940).matches("[A-Za-z0-9/\\-?:().,'+ \r\n]*");
  }

  @Test
  void shouldBeOffByTheGivenAmountWhenTheUnbalancedVariantIsWritten() {
    // given
    SampleData small = SampleData.generate(SampleDataGenerator.SEED + 1, SampleDataGenerator.MONTH, SampleData.Sizes.SMALL);
    String xml = new String(SampleDataGenerator.files().get("small/statement-small-unbalanced.camt053.xml"), StandardCharsets.UTF_8);

    // then
    assertThat(xml).contains("<Amt Ccy=\"EUR\">" + small.closingBalance().add(SampleDataGenerator.UNBALANCED_BY).toPlainString() + "</Amt>");
  }

  @Test
  void shouldHaveValidCheckDigitsWhenIbansAndCreditorReferencesAreMade() {
    assertThat(SampleData.iban("DE", "370400440532013000")).isEqualTo("DE89370400440532013000");
    // ISO 11649's own example: RF18 5390 0754 7034
    assertThat(rfValid("RF18539007547034")).isTrue();
    assertThat(rfValid(SampleData.rf(5300))).isTrue();
  }

  private static boolean rfValid(String rf) {
    String rearranged = rf.substring(4) + rf.substring(0, 4);
    StringBuilder digits = new StringBuilder();
    for (char c : rearranged.toCharArray()) {
      digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
    }
    return new java.math.BigInteger(digits.toString()).mod(java.math.BigInteger.valueOf(97)).intValue() == 1;
  }

  private static BigDecimal balance(String mt940, String tag) {
    Matcher m = Pattern.compile(Pattern.quote(tag) + "([CD])\\d{6}EUR(\\d+,\\d{2})").matcher(mt940);
    assertThat(m.find()).as(tag).isTrue();
    BigDecimal amount = new BigDecimal(m.group(2).replace(',', '.'));
    return m.group(1).equals("C") ? amount : amount.negate();
  }
}
