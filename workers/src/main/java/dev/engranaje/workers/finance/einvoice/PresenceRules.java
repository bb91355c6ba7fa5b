package dev.engranaje.workers.finance.einvoice;

import static dev.engranaje.workers.finance.einvoice.RuleViolation.Severity.FATAL;

import java.math.BigDecimal;
import java.util.List;

/**
 * The EN 16931 cardinality rules the payment side depends on: identity (BR-01 … BR-07), totals
 * (BR-12 … BR-15), lines (BR-16, BR-24), VAT breakdown (BR-CO-18, BR-45 … BR-48) and the due date or
 * terms of a positive amount due (BR-CO-25). Line rules are skipped for the line-less Factur-X profiles
 * (MINIMUM, BASIC WL), BR-CO-25 for MINIMUM, which cannot carry a due date or terms.
 */
final class PresenceRules implements RuleSet {
  static final String MISSING = "Expected %s (%s), but the invoice has none";

  @Override
  public void check(Invoice invoice, SourcePositions positions, List<RuleViolation> found) {
    DocumentTotals totals = invoice.totals();
    require(invoice.specification(), "BR-01", "a specification identifier", "BT-24", found);
    require(invoice.invoiceNumber(), "BR-02", "an invoice number", "BT-1", found);
    require(invoice.issueDate(), "BR-03", "an invoice issue date", "BT-2", found);
    require(invoice.typeCode(), "BR-04", "an invoice type code", "BT-3", found);
    require(invoice.currency(), "BR-05", "an invoice currency code", "BT-5", found);
    require(invoice.supplier() == null ? null : invoice.supplier().name(), "BR-06", "the seller name", "BT-27", found);
    require(invoice.buyer() == null ? null : invoice.buyer().name(), "BR-07", "the buyer name", "BT-44", found);
    require(totals.netTotal(), "BR-13", "the invoice total amount without VAT", "BT-109", found);
    require(totals.grossTotal(), "BR-14", "the invoice total amount with VAT", "BT-112", found);
    require(totals.amountDue(), "BR-15", "the amount due for payment", "BT-115", found);
    if (!invoice.withoutLines()) {
      require(totals.lineNetTotal(), "BR-12", "the sum of invoice line net amounts", "BT-106", found);
      if (invoice.lines().isEmpty()) {
        found.add(new RuleViolation("BR-16", FATAL, String.format(MISSING, "at least one invoice line", "BG-25"), null));
      }
      for (int i = 0; i < invoice.lines().size(); i++) {
        if (invoice.lines().get(i).netAmount() == null) {
          found.add(new RuleViolation("BR-24", FATAL, "Expected invoice line " + (i + 1) + " to have a line net amount"
              + " (BT-131), but it has none", positions.of(SourcePositions.in("BG-25", i + 1, "BT-126"))));
        }
      }
      if (invoice.vatBreakdown().isEmpty()) {
        found.add(new RuleViolation("BR-CO-18", FATAL, String.format(MISSING, "at least one VAT breakdown", "BG-23"),
            null));
      }
    }
    breakdownTerms(invoice, positions, found);
    BigDecimal due = totals.amountDue();
    String paymentTerms = invoice.payment() == null ? null : invoice.payment().terms();
    // the Factur-X MINIMUM profile has neither term, so BR-CO-25 cannot apply to it
    boolean minimum = invoice.specification() != null && invoice.specification().endsWith(":minimum");
    if (due != null && due.signum() > 0 && invoice.dueDate() == null && paymentTerms == null && !minimum) {
      found.add(new RuleViolation("BR-CO-25", FATAL, "Expected a payment due date (BT-9) or payment terms (BT-20)"
          + " as the amount due (BT-115) " + due.toPlainString() + " is positive, but the invoice has neither",
          positions.of("BT-115")));
    }
  }

  private static void breakdownTerms(Invoice invoice, SourcePositions positions, List<RuleViolation> found) {
    for (int i = 0; i < invoice.vatBreakdown().size(); i++) {
      VatBreakdown vat = invoice.vatBreakdown().get(i);
      String at = positions.of(SourcePositions.in("BG-23", i + 1, null));
      String which = "VAT breakdown " + (i + 1);
      if (vat.taxableAmount() == null) {
        found.add(new RuleViolation("BR-45", FATAL, "Expected " + which + " to have a taxable amount (BT-116), but it"
            + " has none", at));
      }
      if (vat.taxAmount() == null) {
        found.add(new RuleViolation("BR-46", FATAL, "Expected " + which + " to have a tax amount (BT-117), but it has"
            + " none", at));
      }
      if (vat.category() == null) {
        found.add(new RuleViolation("BR-47", FATAL, "Expected " + which + " to have a VAT category code (BT-118), but"
            + " it has none", at));
      } else if (vat.rate() == null && !vat.category().equals("O")) {
        found.add(new RuleViolation("BR-48", FATAL, "Expected " + which + " (category " + vat.category() + ") to have"
            + " a VAT category rate (BT-119), but it has none", at));
      }
    }
  }

  private static void require(Object value, String rule, String what, String term, List<RuleViolation> found) {
    if (value == null) {
      found.add(new RuleViolation(rule, FATAL, String.format(MISSING, what, term), null));
    }
  }
}
