package dev.engranaje.workers.finance.report;

import dev.engranaje.workers.finance.ledger.LedgerItem;
import java.math.BigDecimal;
import java.util.List;

/**
 * The ledger side of a reconciliation: where the items came from, how many, and their totals
 * (receivables positive, payables negative).
 */
public record LedgerSummary(String source, int items, BigDecimal receivables, BigDecimal payables) {

  /** The summary of {@code items}, totals with {@code scale} decimals at least. */
  public static LedgerSummary of(String source, List<LedgerItem> items, int scale) {
    BigDecimal in = BigDecimal.ZERO.setScale(scale);
    BigDecimal out = BigDecimal.ZERO.setScale(scale);
    for (LedgerItem item : items) {
      if (item.amount().signum() >= 0) {
        in = in.add(item.amount());
      } else {
        out = out.add(item.amount());
      }
    }
    return new LedgerSummary(source, items.size(), in, out);
  }
}
