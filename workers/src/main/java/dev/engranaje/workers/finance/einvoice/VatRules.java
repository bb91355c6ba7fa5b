package dev.engranaje.workers.finance.einvoice;

import static dev.engranaje.workers.finance.einvoice.RuleViolation.Severity.FATAL;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The VAT breakdown recomputed per category and rate, with the rule ids of EN 16931 for each category
 * (S standard rate, Z zero rated, E exempt, AE reverse charge, K intra-community (IC), G export, O
 * outside scope, L IGIC (AF), M IPSI (AG)):
 * <ul>
 *   <li>{@code BR-x-01}: a category used by a line, document allowance or charge has a breakdown;
 *   <li>{@code BR-x-08}: its taxable amount is the sum of the line net amounts plus charges minus
 *       allowances of that category (and rate, for S, L and M);
 *   <li>{@code BR-x-09}: its tax is taxable amount × rate / 100 rounded to two decimals (S, L, M), or
 *       zero (the others);
 *   <li>{@code BR-S-02}: standard-rated lines need the seller's VAT id or tax registration;
 *   <li>{@code BR-CL-17}: the category code is one of those.
 * </ul>
 */
final class VatRules implements RuleSet {
  /** Category code → the infix of its rule ids. */
  static final Map<String, String> RULE_PREFIX =
      Map.of("S", "S", "Z", "Z", "E", "E", "AE", "AE", "K", "IC", "G", "G", "O", "O", "L", "AF", "M", "AG");
  /** Categories whose breakdown is per rate and whose tax is computed from the rate. */
  static final Set<String> WITH_RATE = Set.of("S", "L", "M");

  static final String TAXABLE =
      "Expected the taxable amount (BT-116) of VAT breakdown %d (category %s%s) to equal Σ line net amounts %s"
          + " + charges %s - allowances %s = %s, but it is %s (difference %s)";
  static final String TAX_FROM_RATE =
      "Expected the tax amount (BT-117) of VAT breakdown %d (category %s) to equal %s × %s %% = %s rounded to"
          + " 2 decimals, but it is %s (difference %s)";
  static final String TAX_ZERO = "Expected the tax amount (BT-117) of VAT breakdown %d (category %s) to be 0,"
      + " but it is %s";
  static final String NO_BREAKDOWN = "Expected a VAT breakdown (BG-23) with category %s as %s uses it, but there is none";

  @Override
  public void check(Invoice invoice, SourcePositions positions, List<RuleViolation> found) {
    List<VatBreakdown> breakdown = invoice.vatBreakdown();
    for (int i = 0; i < breakdown.size(); i++) {
      VatBreakdown vat = breakdown.get(i);
      String at = positions.of(SourcePositions.in("BG-23", i + 1, null));
      if (vat.category() == null) {
        continue;
      }
      String prefix = RULE_PREFIX.get(vat.category());
      if (prefix == null) {
        found.add(new RuleViolation("BR-CL-17", FATAL, "Expected a VAT category code of UNCL5305 (" + String.join(", ",
            new TreeSet<>(RULE_PREFIX.keySet())) + ") in VAT breakdown " + (i + 1) + ", but it is '"
            + vat.category() + "'", at));
        continue;
      }
      if (!invoice.withoutLines() && vat.taxableAmount() != null) {
        taxable(invoice, i + 1, vat, prefix, at, found);
      }
      if (vat.taxAmount() != null && vat.taxableAmount() != null) {
        tax(i + 1, vat, prefix, at, found);
      }
    }
    if (!invoice.withoutLines()) {
      usedCategories(invoice, found);
    }
  }

  private static void taxable(Invoice invoice, int index, VatBreakdown vat, String prefix, String at,
      List<RuleViolation> found) {
    BigDecimal lines = BigDecimal.ZERO;
    for (InvoiceLine line : invoice.lines()) {
      if (line.netAmount() != null && same(vat, line.vatCategory(), line.vatRate())) {
        lines = lines.add(line.netAmount());
      }
    }
    BigDecimal charges = BigDecimal.ZERO;
    BigDecimal allowances = BigDecimal.ZERO;
    for (AllowanceCharge each : invoice.allowancesAndCharges()) {
      if (each.amount() != null && same(vat, each.vatCategory(), each.vatRate())) {
        if (each.charge()) {
          charges = charges.add(each.amount());
        } else {
          allowances = allowances.add(each.amount());
        }
      }
    }
    BigDecimal computed = lines.add(charges).subtract(allowances);
    if (!Money.matches(vat.taxableAmount(), computed)) {
      String rate = WITH_RATE.contains(vat.category()) && vat.rate() != null ? ", rate " + vat.rate().toPlainString() + " %" : "";
      found.add(new RuleViolation("BR-" + prefix + "-08", FATAL, String.format(TAXABLE, index, vat.category(), rate,
          Money.show(lines), Money.show(charges), Money.show(allowances), Money.show(computed),
          vat.taxableAmount().toPlainString(), Money.difference(vat.taxableAmount(), computed)), at));
    }
  }

  private static void tax(int index, VatBreakdown vat, String prefix, String at, List<RuleViolation> found) {
    if (WITH_RATE.contains(vat.category())) {
      if (vat.rate() == null) {
        return; // BR-48 already says so
      }
      BigDecimal computed = Money.tax(vat.taxableAmount(), vat.rate());
      if (!Money.matches(vat.taxAmount(), computed)) {
        found.add(new RuleViolation("BR-" + prefix + "-09", FATAL, String.format(TAX_FROM_RATE, index, vat.category(),
            vat.taxableAmount().toPlainString(), vat.rate().toPlainString(), Money.show(computed),
            vat.taxAmount().toPlainString(), Money.difference(vat.taxAmount(), computed)), at));
      }
    } else if (vat.taxAmount().signum() != 0) {
      found.add(new RuleViolation("BR-" + prefix + "-09", FATAL,
          String.format(TAX_ZERO, index, vat.category(), vat.taxAmount().toPlainString()), at));
    }
  }

  private static boolean same(VatBreakdown vat, String category, BigDecimal rate) {
    if (!vat.category().equals(category)) {
      return false;
    }
    if (!WITH_RATE.contains(category)) {
      return true;
    }
    return vat.rate() != null && rate != null && vat.rate().compareTo(rate) == 0;
  }

  private static void usedCategories(Invoice invoice, List<RuleViolation> found) {
    Set<String> present = new HashSet<>();
    invoice.vatBreakdown().forEach(v -> present.add(v.category()));
    Set<String> reported = new HashSet<>();
    for (InvoiceLine line : invoice.lines()) {
      String category = line.vatCategory();
      if (category != null && RULE_PREFIX.containsKey(category) && !present.contains(category) && reported.add(category)) {
        found.add(new RuleViolation("BR-" + RULE_PREFIX.get(category) + "-01", FATAL,
            String.format(NO_BREAKDOWN, category, "invoice line " + line.id()), null));
      }
    }
    for (AllowanceCharge each : invoice.allowancesAndCharges()) {
      String category = each.vatCategory();
      if (category != null && RULE_PREFIX.containsKey(category) && !present.contains(category) && reported.add(category)) {
        found.add(new RuleViolation("BR-" + RULE_PREFIX.get(category) + "-01", FATAL, String.format(NO_BREAKDOWN, category,
            each.charge() ? "a document level charge" : "a document level allowance"), null));
      }
    }
    boolean standardRated = invoice.lines().stream().anyMatch(l -> "S".equals(l.vatCategory()));
    Party seller = invoice.supplier();
    if (standardRated && (seller == null || (seller.vatId() == null && seller.taxRegistrationId() == null))) {
      found.add(new RuleViolation("BR-S-02", FATAL, "Expected the seller's VAT identifier (BT-31) or tax registration"
          + " (BT-32) as invoice lines are standard rated (S), but the invoice has neither", null));
    }
  }
}
