package dev.engranaje.workers.finance.einvoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The EN 16931 arithmetic on invoices whose amounts each case states ({@link CiiSample}): what adds up
 * (with the rounding EN 16931 allows) passes, what does not is named by its rule id with the amounts.
 */
class EinvoiceRulesTest {
  private final EinvoiceReader reader = new EinvoiceReader();
  private final En16931Check check = new En16931Check();

  private List<RuleViolation> violations(CiiSample sample) throws EinvoiceException {
    return check.check(reader.read(sample.xml(), "sample.xml"));
  }

  private List<String> rules(CiiSample sample) throws EinvoiceException {
    return violations(sample).stream().map(RuleViolation::rule).toList();
  }

  @Test
  void shouldPassWhenLinesAllowancesChargesVatAndPrepaidAddUp() throws Exception {
    CiiSample sample = new CiiSample().line("2", "50.00", "100.00", "S", "19").line("1", "20.00", "20.00", "S", "7")
        .line("3", "10.00", "30.00", "E", "0")
        .documentLevel(false, "10.00", "S", "19").documentLevel(true, "5.00", "S", "19")
        .vat("S", "19", "95.00", "18.05").vat("S", "7", "20.00", "1.40").vat("E", "0", "30.00", "0.00")
        .sums("150.00", "5.00", "10.00", "145.00", "19.45", "164.45", "64.45", "0.00", "100.00");

    assertThat(violations(sample)).isEmpty();
  }

  @Test
  void shouldAcceptEitherNeighbourWhenTheTaxIsExactlyHalfACent() throws Exception {
    // 0.50 × 19 % = 0.095: rounding half up gives 0.10, half down or half even 0.09; EN 16931 fixes no method
    for (String tax : List.of("0.10", "0.09")) {
      String gross = tax.equals("0.10") ? "0.60" : "0.59";
      CiiSample sample = new CiiSample().line("1", "0.50", "0.50", "S", "19").vat("S", "19", "0.50", tax)
          .sums("0.50", null, null, "0.50", tax, gross, null, null, gross);

      assertThat(violations(sample)).as("tax %s", tax).isEmpty();
    }
  }

  @Test
  void shouldNameBrS09WithTheAmountsWhenTheTaxIsACentOff() throws Exception {
    CiiSample sample = new CiiSample().line("1", "0.50", "0.50", "S", "19").vat("S", "19", "0.50", "0.11")
        .sums("0.50", null, null, "0.50", "0.11", "0.61", null, null, "0.61");

    assertThat(violations(sample)).singleElement().satisfies(v -> {
      assertThat(v.rule()).isEqualTo("BR-S-09");
      assertThat(v.message()).isEqualTo("Expected the tax amount (BT-117) of VAT breakdown 1 (category S) to equal"
          + " 0.50 × 19 % = 0.095 rounded to 2 decimals, but it is 0.11 (difference +0.015)");
      assertThat(v.position()).contains("/ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax)");
    });
  }

  @Test
  void shouldNameBrCo10AndBrS08WhenALineIsNotInTheSums() throws Exception {
    CiiSample sample = new CiiSample().line("1", "100.00", "100.00", "S", "19").line("1", "50.00", "50.00", "S", "19")
        .vat("S", "19", "100.00", "19.00").sums("100.00", null, null, "100.00", "19.00", "119.00", null, null, "119.00");

    assertThat(rules(sample)).containsExactly("BR-CO-10", "BR-S-08");
    assertThat(violations(sample).get(0).message()).isEqualTo("Expected the sum of invoice line net amounts (BT-106)"
        + " to equal Σ line net amounts (BT-131) of 2 lines = 150.00, but it is 100.00 (difference -50.00)");
  }

  @Test
  void shouldNameBrCo15WhenGrossIsNotNetPlusVat() throws Exception {
    CiiSample sample = new CiiSample().line("1", "100.00", "100.00", "S", "19").vat("S", "19", "100.00", "19.00")
        .sums("100.00", null, null, "100.00", "19.00", "120.00", null, null, "120.00");

    assertThat(rules(sample)).containsExactly("BR-CO-15");
  }

  @Test
  void shouldNameBrCo11BrCo12AndBrCo13WhenDocumentAllowancesAndChargesDoNotAddUp() throws Exception {
    CiiSample sample = new CiiSample().line("1", "100.00", "100.00", "S", "19")
        .documentLevel(false, "10.00", "S", "19").documentLevel(true, "5.00", "S", "19")
        .vat("S", "19", "95.00", "18.05")
        .sums("100.00", "6.00", "11.00", "90.00", "18.05", "108.05", null, null, "108.05");

    assertThat(rules(sample)).containsExactly("BR-CO-11", "BR-CO-12", "BR-CO-13");
  }

  @Test
  void shouldNameBrCo16WhenTheAmountDueIgnoresThePrepaidAmount() throws Exception {
    CiiSample sample = new CiiSample().line("1", "100.00", "100.00", "S", "19").vat("S", "19", "100.00", "19.00")
        .sums("100.00", null, null, "100.00", "19.00", "119.00", "19.00", null, "119.00");

    assertThat(violations(sample)).singleElement().satisfies(v -> assertThat(v.message())
        .isEqualTo("Expected the amount due for payment (BT-115) to equal BT-112 119.00 - BT-113 19.00 + BT-114 0"
            + " = 100.00, but it is 119.00 (difference +19.00)"));
  }

  @Test
  void shouldNameBrCo14WhenTheTotalVatIsNotTheSumOfTheBreakdown() throws Exception {
    CiiSample sample = new CiiSample().line("1", "100.00", "100.00", "S", "19").line("1", "100.00", "100.00", "S", "7")
        .vat("S", "19", "100.00", "19.00").vat("S", "7", "100.00", "7.00")
        .sums("200.00", null, null, "200.00", "19.00", "219.00", null, null, "219.00");

    assertThat(rules(sample)).containsExactly("BR-CO-14");
  }

  @Test
  void shouldNameTheCategoryRulesWhenExemptLinesHaveNoBreakdownAndZeroRatedTaxIsCharged() throws Exception {
    CiiSample sample = new CiiSample().line("1", "100.00", "100.00", "Z", "0").line("1", "10.00", "10.00", "E", "0")
        .vat("Z", "0", "100.00", "1.00")
        .sums("110.00", null, null, "110.00", "1.00", "111.00", null, null, "111.00");

    assertThat(rules(sample)).containsExactly("BR-Z-09", "BR-E-01");
  }

  @Test
  void shouldNameTheRateAndExemptionRulesWhenCategoriesAndRatesDisagree() throws Exception {
    CiiSample sample = new CiiSample().line("1", "100.00", "100.00", "S", "0").line("1", "10.00", "10.00", "E", "7")
        .vat("S", "0", "100.00", "0.00").vat("E", "0", "10.00", "0.00")
        .sums("110.00", null, null, "110.00", "0.00", "110.00", null, null, "110.00");
    byte[] xml = new String(sample.xml(), java.nio.charset.StandardCharsets.UTF_8)
        .replace("<ram:ExemptionReason>Exempt</ram:ExemptionReason>", "")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);

    List<String> rules = check.check(reader.read(xml, "rates.xml")).stream().map(RuleViolation::rule).toList();

    assertThat(rules).containsExactly("BR-E-10", "BR-S-05", "BR-E-05");
  }

  @Test
  void shouldNameBrCo09WhenTheSellersVatIdHasNoCountryPrefix() throws Exception {
    CiiSample sample = new CiiSample().line("1", "100.00", "100.00", "S", "19").vat("S", "19", "100.00", "19.00")
        .sums("100.00", null, null, "100.00", "19.00", "119.00", null, null, "119.00");
    byte[] xml = new String(sample.xml(), java.nio.charset.StandardCharsets.UTF_8)
        .replace(">DE123456789<", ">123456789<").getBytes(java.nio.charset.StandardCharsets.UTF_8);

    assertThat(check.check(reader.read(xml, "vat.xml"))).singleElement().satisfies(v -> {
      assertThat(v.rule()).isEqualTo("BR-CO-09");
      assertThat(v.message()).endsWith("but it is '123456789'");
    });
  }

  @Test
  void shouldRefuseTotalsWithMoreThanTwoDecimalsButOnlyWarnForALineWithFour() throws Exception {
    CiiSample sample = new CiiSample().line("1", "47.0504", "47.0504", "S", "19").vat("S", "19", "47.05", "8.94")
        .sums("47.05", null, null, "47.05", "8.94", "55.990", null, null, "55.99");

    List<RuleViolation> found = violations(sample);

    assertThat(found).extracting(RuleViolation::rule, RuleViolation::severity).containsExactly(
        org.assertj.core.groups.Tuple.tuple("BR-DEC-14", RuleViolation.Severity.FATAL),
        org.assertj.core.groups.Tuple.tuple("BR-DEC-23", RuleViolation.Severity.WARNING));
  }

  @Test
  void shouldWarnWithEngranajesLineRuleWhenQuantityTimesPriceIsNotTheLineNet() throws Exception {
    CiiSample sample = new CiiSample().line("3", "10.00", "31.00", "S", "19").vat("S", "19", "31.00", "5.89")
        .sums("31.00", null, null, "31.00", "5.89", "36.89", null, null, "36.89");

    assertThat(violations(sample)).singleElement().satisfies(v -> {
      assertThat(v.rule()).isEqualTo(En16931Check.LINE_NET);
      assertThat(v.severity()).isEqualTo(RuleViolation.Severity.WARNING);
      assertThat(v.message()).isEqualTo("Expected the net amount (BT-131) of invoice line 1 to equal 3 × 10.00 / 1"
          + " - 0 + 0 = 30.00, but it is 31.00 (difference +1.00)");
    });
  }

  @Test
  void shouldNameTheMissingTermsWhenAnInvoiceHasNoNumberNoLinesAndNoAmountDue() throws Exception {
    CiiSample sample = new CiiSample().sums(null, null, null, "0.00", null, "0.00", null, null, null);
    byte[] xml = new String(sample.xml(), java.nio.charset.StandardCharsets.UTF_8)
        .replace("<ram:ID>T-1</ram:ID>", "").getBytes(java.nio.charset.StandardCharsets.UTF_8);

    List<String> rules = check.check(reader.read(xml, "bare.xml")).stream().map(RuleViolation::rule).toList();

    assertThat(rules).containsExactly("BR-02", "BR-15", "BR-12", "BR-16", "BR-CO-18");
  }
}
