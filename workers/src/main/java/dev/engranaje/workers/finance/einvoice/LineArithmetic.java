package dev.engranaje.workers.finance.einvoice;

import static dev.engranaje.workers.finance.einvoice.RuleViolation.Severity.WARNING;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * Engranaje's own line check ({@value En16931Check#LINE_NET}, a warning; EN 16931 has no rule for
 * it): a line's net amount should be quantity × net price / price base quantity − line allowances +
 * line charges, rounded to two decimals.
 */
final class LineArithmetic implements RuleSet {
  static final String LINE =
      "Expected the net amount (BT-131) of invoice line %s to equal %s × %s / %s - %s + %s = %s, but it is %s"
          + " (difference %s)";

  @Override
  public void check(Invoice invoice, SourcePositions positions, List<RuleViolation> found) {
    for (int i = 0; i < invoice.lines().size(); i++) {
      InvoiceLine line = invoice.lines().get(i);
      if (line.quantity() == null || line.netPrice() == null || line.netAmount() == null) {
        continue;
      }
      BigDecimal base = line.priceBaseQuantity() == null || line.priceBaseQuantity().signum() == 0
          ? BigDecimal.ONE : line.priceBaseQuantity();
      BigDecimal computed = line.quantity().multiply(line.netPrice()).divide(base, MathContext.DECIMAL64)
          .subtract(line.allowances()).add(line.charges());
      if (!Money.matches(line.netAmount(), computed)) {
        found.add(new RuleViolation(En16931Check.LINE_NET, WARNING, String.format(LINE, line.id(),
            line.quantity().toPlainString(), line.netPrice().toPlainString(), base.toPlainString(),
            line.allowances().toPlainString(), line.charges().toPlainString(), Money.show(computed),
            line.netAmount().toPlainString(), Money.difference(line.netAmount(), computed)),
            positions.of(SourcePositions.in("BG-25", i + 1, "BT-131"))));
      }
    }
  }
}
