package dev.engranaje.workers.finance.reconcile;

import java.math.BigDecimal;
import java.util.List;

/**
 * One outcome of reconciliation: bank entries (by entry id) and ledger items (by id) that belong
 * together, or a single unmatched entry or item. Every bank entry and every ledger item of a run
 * appears in exactly one group.
 *
 * @param rule the id of the rule that proposed it, {@code null} for an unmatched group
 * @param confidence {@code null} for an unmatched group
 * @param difference bank total minus ledger total (zero for an exact match); reported as a
 *     fee or write-off line where a tolerance rule allowed it
 */
public record MatchGroup(
    GroupStatus status,
    List<String> bankRefs,
    List<String> ledgerIds,
    String rule,
    Confidence confidence,
    BigDecimal difference,
    List<Evidence> evidence) {

  public MatchGroup {
    bankRefs = List.copyOf(bankRefs);
    ledgerIds = List.copyOf(ledgerIds);
    evidence = List.copyOf(evidence);
  }
}
