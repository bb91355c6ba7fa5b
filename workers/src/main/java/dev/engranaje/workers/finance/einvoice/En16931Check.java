package dev.engranaje.workers.finance.einvoice;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks an invoice against the EN 16931 business rules that decide whether it can be paid as stated:
 * required terms ({@link PresenceRules}), the totals recomputed from the lines and their decimals
 * ({@link TotalsRules}), the VAT breakdown per category and rate ({@link VatRules}), and Engranaje's
 * line arithmetic ({@link LineArithmetic}, a warning). Code lists, party identifiers and the CIUS
 * rules (XRechnung, Peppol) are not checked. Stateless and thread-safe.
 */
public final class En16931Check {
  /** The id of the line arithmetic warning, which is not an EN 16931 rule. */
  public static final String LINE_NET = "ENGRANAJE-LINE-NET";

  private static final List<RuleSet> RULES =
      List.of(new PresenceRules(), new TotalsRules(), new VatRules(), new LineArithmetic());

  /** Every violation found, fatal ones and warnings, in rule-set order. */
  public List<RuleViolation> check(ParsedInvoice parsed) {
    List<RuleViolation> found = new ArrayList<>();
    for (RuleSet rules : RULES) {
      rules.check(parsed.invoice(), parsed.positions(), found);
    }
    return List.copyOf(found);
  }
}
