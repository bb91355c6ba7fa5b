package dev.engranaje.workers.finance.einvoice;

import java.util.List;

/** One family of EN 16931 rules, checked by {@link En16931Check}. Implementations are stateless. */
interface RuleSet {

  /** Adds every violation of {@code invoice} to {@code found}. */
  void check(Invoice invoice, SourcePositions positions, List<RuleViolation> found);
}
