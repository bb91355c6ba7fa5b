package dev.engranaje.workers.finance.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every public sample in {@code finance/camt053}, {@code camt054} and {@code mt940} either parses
 * (with the statements, entries and balance-check outcome expected for it) or is refused naming the
 * file and the position. Many bank samples are anonymised and do not add up: the balance check says
 * so, which is the expected outcome for them.
 */
class StatementCorpusTest {
  private final StatementReader reader = new StatementReader();

  static Path resource(String name) {
    try {
      return Path.of(Objects.requireNonNull(StatementCorpusTest.class.getResource("/finance/" + name), name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** format, statements, entries, statements that do not add up; or the refusal's position. */
  static Stream<Arguments> corpus() {
    return Stream.of(
        refused("camt053/abnamro-example_camt.xml", "line 1393, column 49"),
        parsed("camt053/fi-camt_053_sample.xml", "camt.053.001.02", 1, 10, 0),
        parsed("camt053/genkgo-camt053.v2.all-balance-types.xml", "camt.053.001.02", 1, 1, 1),
        parsed("camt053/genkgo-camt053.v2.five.decimals.xml", "camt.053.001.02", 1, 1, 1),
        parsed("camt053/genkgo-camt053.v2.minimal.xml", "camt.053.001.02", 1, 1, 1),
        parsed("camt053/genkgo-camt053.v2.multi.statement.xml", "camt.053.001.02", 2, 2, 0),
        refused("camt053/genkgo-camt053.v2.wrong.xml", "line 8, column 21"),
        parsed("camt053/genkgo-camt053.v3.xml", "camt.053.001.03", 1, 1, 1),
        parsed("camt053/genkgo-camt053.v4.xml", "camt.053.001.04", 1, 1, 1),
        parsed("camt053/genkgo-camt053.v8.xml", "camt.053.001.08", 1, 1, 1),
        parsed("camt053/genkgo-camt53.only-Dt-with-DtTm.xml", "camt.053.001.02", 1, 0, 0),
        parsed("camt053/goldmansachs-camt_053_uk_v2_1.xml", "camt.053.001.02", 2, 6, 1),
        parsed("camt053/goldmansachs-camt_053_us_v2_sample.xml", "camt.053.001.02", 1, 15, 1),
        parsed("camt053/ing-example_camt.xml", "camt.053.001.02", 1, 9, 0),
        parsed("camt053/lt-statement_1.xml", "camt.053.001.02", 1, 4, 0),
        parsed("camt053/nordea-example_camt.xml", "camt.053.001.02", 1, 6, 0),
        parsed("camt053/postfinance-camt.053.001.04.xml", "camt.053.001.04", 1, 5, 1),
        parsed("camt053/prowide-camt.053.001.07.xml", "camt.053.001.07", 1, 0, 0),
        parsed("camt054/fi-camt_054_sample.xml", "camt.054.001.02", 1, 6, 0),
        parsed("camt054/genkgo-camt054.v2.xml", "camt.054.001.02", 1, 1, 0),
        parsed("camt054/genkgo-camt054.v4.xml", "camt.054.001.04", 1, 1, 0),
        parsed("camt054/genkgo-camt054.v8-with-UETR.xml", "camt.054.001.08", 1, 1, 0),
        parsed("camt054/genkgo-camt054.v8.xml", "camt.054.001.08", 1, 1, 0),
        parsed("camt054/postfinance-camt054-Debit.xml", "camt.054.001.04", 1, 1, 0),
        parsed("camt054/postfinance-camt054-ESR-ASR.xml", "camt.054.001.04", 1, 2, 0),
        parsed("camt054/postfinance-camt054-chdd.xml", "camt.054.001.04", 1, 1, 0),
        parsed("camt054/postfinance-camt054-epo.xml", "camt.054.001.04", 1, 1, 0),
        parsed("camt054/postfinance-camt054-returns.xml", "camt.054.001.04", 1, 1, 0),
        parsed("mt940/abnamro-multiline86.sta", "mt940", 2, 10, 2),
        parsed("mt940/asnbank-swift-blocks.txt", "mt940", 31, 8, 0),
        parsed("mt940/betterplace-binary-character.sta", "mt940", 2, 4, 0),
        parsed("mt940/betterplace-sepa-de.sta", "mt940", 26, 97, 0),
        parsed("mt940/betterplace-sepa-snippet-broken.sta", "mt940", 1, 1, 1),
        parsed("mt940/bil-structured-86.sta", "mt940", 1, 2, 1),
        parsed("mt940/bunq.sta", "mt940", 1, 111, 0),
        refused("mt940/citi-usd-61-without-86.txt", "line 5"),
        parsed("mt940/cmxl-dem.sta", "mt940", 3, 16, 0),
        parsed("mt940/danskebank-dk-preamble.sta", "mt940", 15, 89, 0),
        parsed("mt940/danskebank-se.sta", "mt940", 12, 103, 0),
        refused("mt940/february-30.sta", "line 6"),
        parsed("mt940/hsbc-hkd.sta", "mt940", 1, 1, 1),
        parsed("mt940/incomplete-tag-61.sta", "mt940", 1, 1, 1),
        parsed("mt940/ing-legacy.sta", "mt940", 1, 7, 1),
        parsed("mt940/knab.sta", "mt940", 2, 3, 1),
        parsed("mt940/mbank-mt942.sta", "mt942", 1, 3, 0),
        parsed("mt940/mbank-soh-etx.sta", "mt940", 1, 3, 0),
        parsed("mt940/penta.sta", "mt940", 1, 30, 0),
        parsed("mt940/postfinance-chf.sta", "mt940", 2, 4, 1),
        parsed("mt940/rabobank-legacy-multi86.sta", "mt940", 4, 5, 2),
        parsed("mt940/rabobank-structured-86.sta", "mt940", 2, 12, 2),
        parsed("mt940/raiffeisen-hu-latin2.sta", "mt940", 1, 7, 1),
        parsed("mt940/sberbank-hu-ns-tags-crlf.sta", "mt940", 1, 3, 0),
        parsed("mt940/sparkasse-buxtehude-utf8.sta", "mt940", 1, 3, 1),
        parsed("mt940/sparkasse-multipage.sta", "mt940", 4, 10, 0),
        refused("mt940/sparkasse-split-tag.sta", "line 1"),
        parsed("mt940/triodos-subfields.sta", "mt940", 1, 2, 1),
        parsed("mt940/unknown-tag-crlf.sta", "mt940", 1, 1, 0),
        parsed("mt940/zenithbank-ngn.sta", "mt940", 1, 8, 0));
  }

  private static Arguments parsed(String file, String format, int statements, int entries, int unbalanced) {
    return Arguments.of(file, format, statements, entries, unbalanced, null);
  }

  private static Arguments refused(String file, String position) {
    return Arguments.of(file, null, 0, 0, 0, position);
  }

  @Test
  void shouldListEveryCorpusFileWhenTheTableIsComplete() throws IOException {
    List<String> listed = corpus().map(a -> (String) a.get()[0]).sorted().toList();
    List<String> present;
    try (Stream<Path> files = Stream.of("camt053", "camt054", "mt940").flatMap(StatementCorpusTest::list)) {
      present = files.map(p -> p.getParent().getFileName() + "/" + p.getFileName()).sorted().toList();
    }
    assertThat(listed).isEqualTo(present);
  }

  private static Stream<Path> list(String directory) {
    try {
      return Files.list(resource(directory));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void shouldParseWithBalancesCheckedOrRefuseNamingFileAndPositionWhenReadingTheCorpus(String file, String format,
      int statements, int entries, int unbalanced, String position) {
    Path path = resource(file);
    String name = path.getFileName().toString();
    if (position != null) {
      StatementException refused = catchThrowableOfType(StatementException.class, () -> reader.read(path, name, "auto"));
      assertThat(refused).as("refusal of %s", file).isNotNull();
      assertThat(refused.source()).isEqualTo(name);
      assertThat(refused.position()).isEqualTo(position);
      assertThat(refused.getMessage()).contains("'" + name + "'", position);
      return;
    }
    StatementFile parsed = read(path, name);
    assertThat(parsed.format()).isEqualTo(format);
    assertThat(parsed.statements()).hasSize(statements);
    assertThat(parsed.statements().stream().mapToInt(s -> s.entries().size()).sum()).isEqualTo(entries);
    List<String> problems = BalanceCheck.problems(parsed);
    assertThat(problems).hasSize(unbalanced).allSatisfy(p -> assertThat(p).contains("'" + name + "'", "off by"));
    assertThat(parsed.sha256()).hasSize(64);
    for (BankStatement statement : parsed.statements()) {
      assertThat(statement.accountId()).isNotBlank();
      assertThat(statement.entries()).allSatisfy(e -> {
        assertThat(e.entryId()).isNotBlank();
        assertThat(e.amount()).isNotNull();
        assertThat(e.bookingDate() != null || format.startsWith("camt.054")).isTrue();
      });
    }
    assertThat(parsed.statements().stream().flatMap(s -> s.entries().stream()).map(StatementEntry::entryId))
        .doesNotHaveDuplicates();
  }

  private StatementFile read(Path path, String name) {
    try {
      return reader.read(path, name, "auto");
    } catch (StatementException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  @Test
  void shouldMapAnIngEntryWhenReadingCamt053Version02() {
    StatementFile file = read(resource("camt053/ing-example_camt.xml"), "ing.xml");

    BankStatement statement = file.statements().get(0);
    assertThat(statement.statementId()).isEqualTo("201401030009999");
    assertThat(statement.sequence()).isEqualTo("03");
    assertThat(statement.accountIban()).isEqualTo("NL08INGB0000001234");
    assertThat(statement.currency()).isEqualTo("EUR");
    assertThat(statement.opening()).isEqualTo(new Balance(new BigDecimal("1000.00"), LocalDate.of(2014, 1, 3)));
    assertThat(statement.closing()).isEqualTo(new Balance(new BigDecimal("1605.00"), LocalDate.of(2014, 1, 3)));
    StatementEntry entry = statement.entries().get(0);
    assertThat(entry.entryId()).isEqualTo("59999208N9");
    assertThat(entry.amount()).isEqualByComparingTo("350.00");
    assertThat(entry.status()).isEqualTo(EntryStatus.BOOKED);
    assertThat(entry.counterparty()).isEqualTo(new Counterparty("INGTestrekening", "NL20INGB0001234567", "INGBNL2A"));
    assertThat(entry.remittanceInformation()).isEqualTo("0010008346912014");
    assertThat(entry.bankTransactionCode()).isEqualTo("PMNT/RCDT/ESCT");
  }

  @Test
  void shouldReadStatusCodeAndEndToEndIdWhenReadingCamt053Version08() {
    StatementEntry entry = read(resource("camt053/genkgo-camt053.v8.xml"), "v8.xml").statements().get(0).entries().get(0);

    assertThat(entry.entryId()).isEqualTo("AAAASESS-FP-CN_98765/01");
    assertThat(entry.status()).isEqualTo(EntryStatus.BOOKED);
    assertThat(entry.bookingDate()).isEqualTo(LocalDate.of(2014, 12, 31));
    assertThat(entry.valueDate()).isEqualTo(LocalDate.of(2015, 1, 2));
    assertThat(entry.endToEndId()).isEqualTo("MUELL/FINP/RA12345");
    assertThat(entry.counterparty().name()).isEqualTo("NAME NAME");
  }

  @Test
  void shouldKeepEachTransactionWhenAnEntryIsABatchBooking() {
    StatementEntry batch = read(resource("camt054/postfinance-camt054-epo.xml"), "epo.xml").statements().get(0)
        .entries().get(0);

    assertThat(batch.amount()).isEqualByComparingTo("-750.00");
    assertThat(batch.details()).hasSize(3);
    assertThat(batch.details().get(0).amount()).isEqualByComparingTo("-200.00");
    assertThat(batch.details().get(0).endToEndId()).isEqualTo("EndToEndId-001-02-01");
    assertThat(batch.details().get(0).remittanceInformation()).isEqualTo("120000000000234478943216899");
    assertThat(batch.details().stream().map(TransactionDetail::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
        .isEqualByComparingTo("-750.00");
  }

  @Test
  void shouldGenerateStableIdsWhenTheBankGivesNoReference() {
    StatementFile file = read(resource("camt053/genkgo-camt053.v2.multi.statement.xml"), "multi.xml");

    assertThat(file.statements().get(0).entries().get(0).entryId()).isEqualTo("253EURNL26VAYB8060476890/1");
    assertThat(file.statements().get(1).entries().get(0).entryId()).isEqualTo("254EURNL26VAYB8060476890/1");
    assertThat(file.statements().get(1).entries().get(0).amount()).isEqualByComparingTo("-7.00");
    assertThat(file.statements().get(1).entries().get(0).counterparty().name()).isEqualTo("Company Name 2");
  }

  @Test
  void shouldFindTheDocumentInsideAnEnvelopeWhenAnAppHdrPrecedesIt() {
    BankStatement statement = read(resource("camt053/prowide-camt.053.001.07.xml"), "wrapped.xml").statements().get(0);

    assertThat(statement.statementId()).isEqualTo("SDFSDF");
    assertThat(statement.closing().amount()).isEqualByComparingTo("234299");
  }

  @Test
  void shouldParseGermanSubfieldsWhenAn86FieldUsesQuestionMarks() {
    StatementEntry entry = read(resource("mt940/betterplace-sepa-de.sta"), "de.sta").statements().get(1).entries().get(0);

    assertThat(entry.entryId()).isEqualTo("0724710290621954");
    assertThat(entry.amount()).isEqualByComparingTo("15000.05");
    assertThat(entry.endToEndId()).isEqualTo("EndToEndIdTFNR2000400001");
    assertThat(entry.counterparty()).isEqualTo(new Counterparty(
        "Richter Renate 70 Zeichen Beginn Fuellzeichen xxxxxxxx", "DE42100100100043921105", "PBNKDEFF100"));
    assertThat(entry.bankTransactionCode()).isEqualTo("166");
  }

  @Test
  void shouldKeepSlashesInsideValuesWhenAn86FieldUsesSlashKeywords() {
    BankStatement statement = read(resource("mt940/rabobank-structured-86.sta"), "rabo.sta").statements().get(0);

    StatementEntry first = statement.entries().get(0);
    assertThat(first.amount()).isEqualByComparingTo("-127.50");
    assertThat(first.counterparty().name()).isEqualTo("Nespresso Nederland B.V.");
    assertThat(first.counterparty().iban()).isEqualTo("NL96RBOS0523149468");
    assertThat(first.endToEndId()).isEqualTo("02-04-2013 22:56 1120000153447185");
    StatementEntry second = statement.entries().get(1);
    assertThat(second.remittanceInformation()).isEqualTo("NR.201303-111/11.3.2013NR.201303-112/11.3.2013");
    assertThat(second.counterparty().name()).isEqualTo("Bedrijf B.V.");
  }

  @Test
  void shouldReadAnInterimReportWithoutBalancesWhenTheFileIsMt942() {
    StatementFile file = read(resource("mt940/mbank-mt942.sta"), "942.sta");

    BankStatement report = file.statements().get(0);
    assertThat(report.opening()).isNull();
    assertThat(report.closing()).isNull();
    assertThat(report.currency()).isEqualTo("PLN");
    assertThat(report.accountIban()).isEqualTo("PL29114010810000267002001002");
    assertThat(report.entries().get(0).entryId()).isEqualTo("MB170119012058");
    assertThat(BalanceCheck.problems(file)).isEmpty();
  }

  @Test
  void shouldDecodeTheDeclaredEncodingWhenTheFileIsNotUtf8() throws StatementException {
    Path file = resource("mt940/raiffeisen-hu-latin2.sta");

    StatementFile declared = reader.read(file, "hu.sta", "mt940:encoding=IBM852");
    StatementFile defaulted = reader.read(file, "hu.sta", "auto");

    assertThat(declared.statements().get(0).entries().get(0).remittanceInformation()).contains("összevont utánvét");
    assertThat(defaulted.statements().get(0).entries().get(0).remittanceInformation()).doesNotContain("összevont")
        .contains("HUNGARY KFT.");
    assertThat(defaulted.statements().get(0).entries().get(0).amount()).isEqualByComparingTo("2066637.00");
  }

  @Test
  void shouldIgnoreControlCharactersWhenAFileIsFramedBySohAndEtx() {
    StatementFile file = read(resource("mt940/mbank-soh-etx.sta"), "soh.sta");

    assertThat(file.statements().get(0).entries()).hasSize(3);
    assertThat(BalanceCheck.problems(file)).isEmpty();
  }

  @Test
  void shouldRefuseAnUnknownMt86ProfileWhenTheFormatNamesOne() {
    assertThatThrownBy(() -> reader.read(resource("mt940/knab.sta"), "knab.sta", "mt940:klingon"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("klingon");
  }
}
