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
 *   <li>{@code BR-x-05}: a line's VAT rate fits its category (S above zero, L and M zero or more, Z, E,
 *       AE, K and G zero, O none);
 *   <li>{@code BR-x-10}: an exempt breakdown (E, AE, K, G, O) gives an exemption reason, a standard or
 *       zero rated one (S, Z) gives none;
 *   <li>{@code BR-S-02}: standard-rated lines need the seller's VAT id or tax registration;
 *   <li>{@code BR-CO-09}: VAT identifiers start with a two-letter country prefix;
 *   <li>{@code BR-CL-17}: the category code is one of those.
 * </ul>
 */
final class VatRules implements RuleSet {
  /** Category code → the infix of its rule ids. */
  static final Map<String, String> RULE_PREFIX =
      Map.of("S", "S", "Z", "Z", "E", "E", "AE", "AE", "K", "IC", "G", "G", "O", "O", "L", "AF", "M", "AG");
  /** Categories whose breakdown is per rate and whose tax is computed from the rate. */
  static final Set<String> WITH_RATE = Set.of("S", "L", "M");
  /** Categories whose breakdown must give an exemption reason (BR-x-10); S and Z must not. */
  static final Set<String> EXEMPT = Set.of("E", "AE", "K", "G", "O");

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
      exemption(i + 1, vat, prefix, at, found);
    }
    if (!invoice.withoutLines()) {
      usedCategories(invoice, found);
      lineRates(invoice, positions, found);
    }
    vatIdentifiers(invoice, positions, found);
  }

  private static void exemption(int index, VatBreakdown vat, String prefix, String at, List<RuleViolation> found) {
    boolean exempt = EXEMPT.contains(vat.category());
    if (exempt && vat.exemptionReason() == null) {
      found.add(new RuleViolation("BR-" + prefix + "-10", FATAL, "Expected VAT breakdown " + index + " (category "
          + vat.category() + ") to give an exemption reason (BT-120 or BT-121), but it gives none", at));
    } else if (!exempt && vat.exemptionReason() != null && (vat.category().equals("S") || vat.category().equals("Z"))) {
      found.add(new RuleViolation("BR-" + prefix + "-10", FATAL, "Expected VAT breakdown " + index + " (category "
          + vat.category() + ") to give no exemption reason, but it gives '" + vat.exemptionReason() + "'", at));
    }
  }

  private static void lineRates(Invoice invoice, SourcePositions positions, List<RuleViolation> found) {
    for (int i = 0; i < invoice.lines().size(); i++) {
      InvoiceLine line = invoice.lines().get(i);
      String category = line.vatCategory();
      String prefix = category == null ? null : RULE_PREFIX.get(category);
      if (prefix == null) {
        continue;
      }
      BigDecimal rate = line.vatRate();
      String expected = switch (category) {
        case "S" -> rate != null && rate.signum() > 0 ? null : "a VAT rate above zero";
        case "L", "M" -> rate != null && rate.signum() >= 0 ? null : "a VAT rate of zero or more";
        case "O" -> rate == null ? null : "no VAT rate";
        default -> rate != null && rate.signum() == 0 ? null : "a VAT rate of 0";
      };
      if (expected != null) {
        found.add(new RuleViolation("BR-" + prefix + "-05", FATAL, "Expected invoice line " + line.id() + " (category "
            + category + ") to have " + expected + " (BT-152), but it has " + (rate == null ? "none" : rate.toPlainString()),
            positions.of(SourcePositions.in("BG-25", i + 1, "BT-151"))));
      }
    }
  }

  private static void vatIdentifiers(Invoice invoice, SourcePositions positions, List<RuleViolation> found) {
    vatIdentifier(invoice.supplier(), "BT-31", "seller", positions, found);
    vatIdentifier(invoice.buyer(), "BT-48", "buyer", positions, found);
  }

  private static void vatIdentifier(Party party, String term, String who, SourcePositions positions,
      List<RuleViolation> found) {
    if (party != null && party.vatId() != null && !party.vatId().matches("[A-Z]{2}.+")) {
      found.add(new RuleViolation("BR-CO-09", FATAL, "Expected the " + who + "'s VAT identifier (" + term + ") to start"
          + " with a two-letter country prefix (ISO 3166-1 alpha-2, EL for Greece), but it is '" + party.vatId() + "'",
          positions.of(term)));
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
