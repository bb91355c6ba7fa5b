package dev.engranaje.workers.finance.einvoice;

import static org.assertj.core.api.Assertions.assertThat;
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
 * Every public sample in {@code finance/einvoice} (origins in {@code finance/SOURCES.md}) is either
 * read, with its totals checked and the EN 16931 rules passing (warnings as listed), or refused: by the
 * ids of the rules it breaks, or naming the file and the position when it cannot be read at all.
 */
class EinvoiceCorpusTest {
  private final EinvoiceReader reader = new EinvoiceReader();
  private final En16931Check check = new En16931Check();

  static Path resource(String name) {
    try {
      return Path.of(Objects.requireNonNull(EinvoiceCorpusTest.class.getResource("/finance/einvoice/" + name), name)
          .toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The expected outcome of one corpus file. */
  record Expected(InvoiceFormat format, String number, String supplier, String vatId, String iban, int lines,
      String amountDue, List<String> warnings, List<String> fatalRules, String refusedAt) {}

  static Stream<Arguments> corpus() {
    return Stream.of(
        read("mustang-01.01a-INVOICE.cii.xml", InvoiceFormat.CII, "123456XX", "[Seller name]", "DE123456789",
            "DE75512108001245126199", 2, "336.9"),
        read("mustang-EN16931_Einfach.pdf", InvoiceFormat.FACTUR_X, "471102", "Lieferant GmbH", "DE123456789", null, 2,
            "529.87"),
        read("mustang-Factur-X_basic.xml", InvoiceFormat.CII, "471102", "Lieferant GmbH", "DE123456789", null, 1,
            "235.62"),
        read("mustang-MustangBeispiel20221026.pdf", InvoiceFormat.FACTUR_X, "RE1001", "weclapp.com", "DE327606228",
            null, 2, "963.11"),
        read("mustang-TESTXRECHNUNG_INVDSS_012015776085.XML", InvoiceFormat.UBL, "2015776085",
            "Alphabet Fuhrparkmanagement GmbH", "DE238574172", "DE34700700100156919301", 1, "1012.69"),
        read("mustang-XRECHNUNG_Einfach.ubl.xml", InvoiceFormat.UBL, "471102", "Lieferant GmbH", "DE123456789",
            "DE02120300000000202051", 2, "529.87"),
        read("mustang-XRECHNUNG_Elektron.ubl.xml", InvoiceFormat.UBL, "181301674", "ELEKTRON Industrieservice GmbH",
            "DE123456789", "DE91100000000123456789", 2, "300"),
        read("mustang-ZTESTZUGFERD_1_INVDSS_012015738820PDF-1.pdf", InvoiceFormat.FACTUR_X, "2015738820",
            "Alphabet Fuhrparkmanagement GmbH", "DE238574172", "DE34700700100156919301", 1, "447.88"),
        unreadable("mustang-corrupt-factur-x-waytoosmall.pdf", "start of file"),
        read("mustang-factur-x-extended.xml", InvoiceFormat.CII, "KR87654321012", "MUSTERLIEFERANT GMBH", null, null, 5,
            "480.22"),
        // MINIMUM cannot state the paid amount (BT-113): 470.15 due of 671.15 does not add up
        refused("mustang-facturFrMinimum.xml", "BR-CO-16"),
        // the 4-decimal line is only a warning (BR-DEC-23); a positive amount due without due date or terms is not
        refused("mustang-line-total-4-decimals.xml", "BR-CO-25"),
        read("peppol-Vat-category-S.xml", InvoiceFormat.UBL, "Snippet1", "SupplierOfficialName Ltd", "GB1232434",
            "IBAN32423940", 3, "8550"),
        read("peppol-base-example.xml", InvoiceFormat.UBL, "Snippet1", "SupplierOfficialName Ltd", "GB1232434",
            "IBAN32423940", 2, "1656.25"));
  }

  private static Arguments read(String file, InvoiceFormat format, String number, String supplier, String vatId,
      String iban, int lines, String amountDue, String... warnings) {
    return Arguments.of(file, new Expected(format, number, supplier, vatId, iban, lines, amountDue, List.of(warnings),
        List.of(), null));
  }

  private static Arguments refused(String file, String... rules) {
    return Arguments.of(file, new Expected(null, null, null, null, null, 0, null, List.of(), List.of(rules), null));
  }

  private static Arguments unreadable(String file, String position) {
    return Arguments.of(file, new Expected(null, null, null, null, null, 0, null, List.of(), List.of(), position));
  }

  @Test
  void shouldListEveryCorpusFileWhenTheTableIsComplete() throws IOException {
    List<String> listed = corpus().map(a -> (String) a.get()[0]).sorted().toList();
    List<String> present;
    try (Stream<Path> files = Files.list(resource("peppol-base-example.xml").getParent())) {
      present = files.map(p -> p.getFileName().toString()).sorted().toList();
    }
    assertThat(listed).isEqualTo(present);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void shouldReadWithTotalsCheckedOrRefuseNamingRulesOrPositionWhenReadingTheCorpus(String file, Expected expected)
      throws Exception {
    Path path = resource(file);
    if (expected.refusedAt() != null) {
      EinvoiceException refused = catchThrowableOfType(EinvoiceException.class, () -> reader.read(path, file));
      assertThat(refused).as("refusal of %s", file).isNotNull();
      assertThat(refused.position()).isEqualTo(expected.refusedAt());
      assertThat(refused.getMessage()).contains("'" + file + "'", expected.refusedAt());
      assertThat(refused.unstructured()).isFalse();
      return;
    }
    ParsedInvoice parsed = reader.read(path, file);
    List<RuleViolation> violations = check.check(parsed);
    List<String> fatal = violations.stream().filter(v -> v.severity() == RuleViolation.Severity.FATAL)
        .map(RuleViolation::rule).toList();
    if (!expected.fatalRules().isEmpty()) {
      assertThat(fatal).as("rules %s breaks", file).containsExactlyElementsOf(expected.fatalRules());
      assertThat(violations).allSatisfy(v -> assertThat(v.message()).startsWith("Expected "));
      return;
    }
    assertThat(fatal).as("rules %s breaks: %s", file, violations).isEmpty();
    assertThat(violations).extracting(RuleViolation::rule).containsExactlyElementsOf(expected.warnings());
    Invoice invoice = parsed.invoice();
    assertThat(invoice.format()).isEqualTo(expected.format());
    assertThat(invoice.embeddedFile() != null).isEqualTo(expected.format() == InvoiceFormat.FACTUR_X);
    assertThat(invoice.invoiceNumber()).isEqualTo(expected.number());
    assertThat(invoice.supplier().name()).isEqualTo(expected.supplier());
    assertThat(invoice.supplier().vatId()).isEqualTo(expected.vatId());
    assertThat(invoice.payment().iban()).isEqualTo(expected.iban());
    assertThat(invoice.currency()).isEqualTo("EUR");
    assertThat(invoice.issueDate()).isNotNull();
    assertThat(invoice.lines()).hasSize(expected.lines()).allSatisfy(l -> assertThat(l.netAmount()).isNotNull());
    assertThat(invoice.totals().amountDue()).isEqualByComparingTo(expected.amountDue());
    assertThat(invoice.vatBreakdown()).isNotEmpty();
    assertThat(invoice.sha256()).hasSize(64);
  }

  @Test
  void shouldMapEveryTermWhenReadingThePeppolBaseExample() throws Exception {
    Invoice invoice = reader.read(resource("peppol-base-example.xml"), "base.xml").invoice();

    assertThat(invoice.specification()).isEqualTo("urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0");
    assertThat(invoice.typeCode()).isEqualTo("380");
    assertThat(invoice.issueDate()).isEqualTo(LocalDate.of(2017, 11, 13));
    assertThat(invoice.dueDate()).isEqualTo(LocalDate.of(2017, 12, 1));
    assertThat(invoice.buyerReference()).isEqualTo("0150abc");
    assertThat(invoice.supplier()).isEqualTo(new Party("SupplierOfficialName Ltd", "SupplierTradingName Ltd.",
        "GB1232434", null, "GB983294", "GB"));
    assertThat(invoice.buyer()).isEqualTo(new Party("Buyer Official Name", "BuyerTradingName AS", "SE4598375937", null,
        "39937423947", "SE"));
    assertThat(invoice.payment()).isEqualTo(new PaymentInstructions("30", "IBAN32423940", "BIC324098", "AccountName",
        "Snippet1", "Payment within 10 days, 2% discount"));
    assertThat(invoice.lines().get(1)).isEqualTo(new InvoiceLine("2", "item name 2", new BigDecimal("-3"), "DAY",
        new BigDecimal("500"), null, BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("-1500"), "S",
        new BigDecimal("25.0")));
    assertThat(invoice.allowancesAndCharges()).containsExactly(new AllowanceCharge(true, new BigDecimal("25"),
        "Insurance", "S", new BigDecimal("25.0")));
    assertThat(invoice.vatBreakdown()).containsExactly(new VatBreakdown("S", new BigDecimal("25.0"),
        new BigDecimal("1325"), new BigDecimal("331.25"), null));
    assertThat(invoice.totals()).isEqualTo(new DocumentTotals(new BigDecimal("1300"), null, new BigDecimal("25"),
        new BigDecimal("1325"), new BigDecimal("331.25"), new BigDecimal("1656.25"), null, null,
        new BigDecimal("1656.25")));
  }

  @Test
  void shouldTakeTheEmbeddedCiiWhenReadingAFacturXPdf() throws Exception {
    Invoice invoice = reader.read(resource("mustang-MustangBeispiel20221026.pdf"), "inbox:beispiel.pdf").invoice();

    assertThat(invoice.source()).isEqualTo("inbox:beispiel.pdf (embedded factur-x.xml)");
    assertThat(invoice.embeddedFile()).isEqualTo("factur-x.xml");
    assertThat(invoice.payment().reference()).isEqualTo("RE1001");
    assertThat(invoice.totals().chargeTotal()).isEqualByComparingTo("4.99");
    assertThat(invoice.vatBreakdown()).extracting(VatBreakdown::rate).containsExactly(new BigDecimal("19.00"));
  }

  @Test
  void shouldCountLogisticsChargesAsDocumentChargesWhenReadingFacturXExtended() throws Exception {
    Invoice invoice = reader.read(resource("mustang-factur-x-extended.xml"), "extended.xml").invoice();

    assertThat(invoice.allowancesAndCharges()).extracting(AllowanceCharge::charge, AllowanceCharge::amount)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(false, new BigDecimal("21.55")),
            org.assertj.core.groups.Tuple.tuple(true, new BigDecimal("15.00")));
    assertThat(invoice.totals().netTotal()).isEqualByComparingTo("403.55");
  }

  @Test
  void shouldNameTheFailingRulesWithTheDifferenceWhenTheMinimumProfileDoesNotAddUp() throws Exception {
    List<RuleViolation> violations = check.check(reader.read(resource("mustang-facturFrMinimum.xml"), "min.xml"));

    assertThat(violations).singleElement().satisfies(v -> {
      assertThat(v.rule()).isEqualTo("BR-CO-16");
      assertThat(v.message()).isEqualTo("Expected the amount due for payment (BT-115) to equal BT-112 671.15"
          + " - BT-113 0 + BT-114 0 = 671.15, but it is 470.15 (difference -201.00)");
      assertThat(v.position()).startsWith("line 52, column ").endsWith("/ram:DuePayableAmount)");
    });
  }
}
