package dev.engranaje.workers.finance.einvoice;

import static dev.engranaje.workers.finance.einvoice.RuleViolation.Severity.FATAL;
import static dev.engranaje.workers.finance.einvoice.RuleViolation.Severity.WARNING;

import java.math.BigDecimal;
import java.util.List;

/**
 * The document totals recomputed from the bottom up (EN 16931 BR-CO-10 … BR-CO-16): lines → sum of
 * line net amounts → total without VAT (with document allowances and charges) → VAT → total with VAT →
 * amount due; and the two-decimal rules of the amounts (BR-DEC-*). A stated total must be the computed
 * one rounded to two decimals ({@link Money#matches}). BR-DEC-23 (line net amount) is only a warning:
 * the sum of lines is rounded before it is compared (as the CEN schematron does) and no payment uses a
 * line amount, so a four-decimal line does not make the amount due wrong.
 */
final class TotalsRules implements RuleSet {
  static final String SUM = "Expected %s (%s) to equal %s = %s, but it is %s (difference %s)";

  @Override
  public void check(Invoice invoice, SourcePositions positions, List<RuleViolation> found) {
    netSums(invoice, positions, found);
    grossSums(invoice, positions, found);
    decimals(invoice, positions, found);
  }

  /** BR-CO-10 … BR-CO-13: lines, document allowances and charges, total without VAT. */
  private static void netSums(Invoice invoice, SourcePositions positions, List<RuleViolation> found) {
    DocumentTotals t = invoice.totals();
    BigDecimal allowances = sum(invoice.allowancesAndCharges(), false);
    BigDecimal charges = sum(invoice.allowancesAndCharges(), true);
    if (!invoice.withoutLines() && t.lineNetTotal() != null
        && invoice.lines().stream().allMatch(l -> l.netAmount() != null)) {
      BigDecimal lines = invoice.lines().stream().map(InvoiceLine::netAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
      compare("BR-CO-10", "the sum of invoice line net amounts", "BT-106", t.lineNetTotal(),
          "Σ line net amounts (BT-131) of " + invoice.lines().size() + " lines", lines, positions, found);
    }
    if (t.allowanceTotal() != null) {
      compare("BR-CO-11", "the sum of allowances on document level", "BT-107", t.allowanceTotal(),
          "Σ document level allowances (BT-92)", allowances, positions, found);
    }
    if (t.chargeTotal() != null) {
      compare("BR-CO-12", "the sum of charges on document level", "BT-108", t.chargeTotal(),
          "Σ document level charges (BT-99)", charges, positions, found);
    }
    if (t.netTotal() != null && t.lineNetTotal() != null) {
      BigDecimal net = t.lineNetTotal().subtract(Money.orZero(t.allowanceTotal())).add(Money.orZero(t.chargeTotal()));
      compare("BR-CO-13", "the invoice total amount without VAT", "BT-109", t.netTotal(),
          "BT-106 " + t.lineNetTotal().toPlainString() + " - BT-107 " + Money.orZero(t.allowanceTotal()).toPlainString()
              + " + BT-108 " + Money.orZero(t.chargeTotal()).toPlainString(), net, positions, found);
    }
  }

  /** BR-CO-14 … BR-CO-16: total VAT, total with VAT, amount due. */
  private static void grossSums(Invoice invoice, SourcePositions positions, List<RuleViolation> found) {
    DocumentTotals t = invoice.totals();
    if (t.taxTotal() != null && !invoice.vatBreakdown().isEmpty()
        && invoice.vatBreakdown().stream().allMatch(v -> v.taxAmount() != null)) {
      BigDecimal vat = invoice.vatBreakdown().stream().map(VatBreakdown::taxAmount)
          .reduce(BigDecimal.ZERO, BigDecimal::add);
      compare("BR-CO-14", "the invoice total VAT amount", "BT-110", t.taxTotal(),
          "Σ VAT category tax amounts (BT-117)", vat, positions, found);
    }
    if (t.grossTotal() != null && t.netTotal() != null) {
      BigDecimal gross = t.netTotal().add(Money.orZero(t.taxTotal()));
      compare("BR-CO-15", "the invoice total amount with VAT", "BT-112", t.grossTotal(),
          "BT-109 " + t.netTotal().toPlainString() + " + BT-110 " + Money.orZero(t.taxTotal()).toPlainString(), gross,
          positions, found);
    }
    if (t.amountDue() != null && t.grossTotal() != null) {
      BigDecimal due = t.grossTotal().subtract(Money.orZero(t.prepaid())).add(Money.orZero(t.rounding()));
      compare("BR-CO-16", "the amount due for payment", "BT-115", t.amountDue(),
          "BT-112 " + t.grossTotal().toPlainString() + " - BT-113 " + Money.orZero(t.prepaid()).toPlainString()
              + " + BT-114 " + Money.orZero(t.rounding()).toPlainString(), due, positions, found);
    }
  }

  private static void compare(String rule, String what, String term, BigDecimal stated, String formula,
      BigDecimal computed, SourcePositions positions, List<RuleViolation> found) {
    if (!Money.matches(stated, computed)) {
      found.add(new RuleViolation(rule, FATAL, String.format(SUM, what, term, formula, Money.show(computed),
          stated.toPlainString(), Money.difference(stated, computed)), positions.of(term)));
    }
  }

  private static BigDecimal sum(List<AllowanceCharge> documentLevel, boolean charge) {
    return documentLevel.stream().filter(a -> a.charge() == charge && a.amount() != null)
        .map(AllowanceCharge::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private static void decimals(Invoice invoice, SourcePositions positions, List<RuleViolation> found) {
    DocumentTotals t = invoice.totals();
    twoDecimals("BR-DEC-09", "BT-106", t.lineNetTotal(), positions, found);
    twoDecimals("BR-DEC-10", "BT-107", t.allowanceTotal(), positions, found);
    twoDecimals("BR-DEC-11", "BT-108", t.chargeTotal(), positions, found);
    twoDecimals("BR-DEC-12", "BT-109", t.netTotal(), positions, found);
    twoDecimals("BR-DEC-13", "BT-110", t.taxTotal(), positions, found);
    twoDecimals("BR-DEC-14", "BT-112", t.grossTotal(), positions, found);
    twoDecimals("BR-DEC-16", "BT-113", t.prepaid(), positions, found);
    twoDecimals("BR-DEC-17", "BT-114", t.rounding(), positions, found);
    twoDecimals("BR-DEC-18", "BT-115", t.amountDue(), positions, found);
    for (int i = 0; i < invoice.vatBreakdown().size(); i++) {
      VatBreakdown vat = invoice.vatBreakdown().get(i);
      twoDecimals("BR-DEC-19", SourcePositions.in("BG-23", i + 1, "BT-116"), vat.taxableAmount(), positions, found);
      twoDecimals("BR-DEC-20", SourcePositions.in("BG-23", i + 1, "BT-117"), vat.taxAmount(), positions, found);
    }
    for (int i = 0; i < invoice.allowancesAndCharges().size(); i++) {
      AllowanceCharge each = invoice.allowancesAndCharges().get(i);
      twoDecimals(each.charge() ? "BR-DEC-05" : "BR-DEC-01",
          SourcePositions.in("BG-20/21", i + 1, each.charge() ? "BT-99" : "BT-92"), each.amount(), positions, found);
    }
    for (int i = 0; i < invoice.lines().size(); i++) {
      BigDecimal net = invoice.lines().get(i).netAmount();
      String key = SourcePositions.in("BG-25", i + 1, "BT-131");
      if (net != null && net.scale() > 2) {
        found.add(new RuleViolation("BR-DEC-23", WARNING, "Expected at most 2 decimals in " + key + ", but it is "
            + net.toPlainString() + " (the line sum is rounded before BR-CO-10, so the totals are still checked)",
            positions.of(key)));
      }
    }
  }

  private static void twoDecimals(String rule, String key, BigDecimal value, SourcePositions positions,
      List<RuleViolation> found) {
    if (value != null && value.scale() > 2) {
      found.add(new RuleViolation(rule, FATAL, "Expected at most 2 decimals in " + key + ", but it is "
          + value.toPlainString(), positions.of(key)));
    }
  }
}
