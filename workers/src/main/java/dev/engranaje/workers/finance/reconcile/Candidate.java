package dev.engranaje.workers.finance.reconcile;

import java.util.List;

/**
 * A rule's proposal before the ambiguity guard: entries and items (positions in the {@link Book}, in
 * ascending order), the evidence, and whether the rule itself considers it conclusive ({@code
 * conclusive} is false when, for instance, a subset search found two combinations or stopped early).
 */
record Candidate(int[] entries, int[] items, boolean conclusive, List<Evidence> evidence) {
  Candidate {
    List<Evidence> kept = new java.util.ArrayList<>(evidence.size());
    for (Evidence fact : evidence) {
      if (fact != null) {
        kept.add(fact);
      }
    }
    evidence = java.util.Collections.unmodifiableList(kept);
  }
}
