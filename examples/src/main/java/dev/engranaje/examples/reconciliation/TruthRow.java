package dev.engranaje.examples.reconciliation;

import java.util.List;

/**
 * What a careful accountant would decide for one group of the generated data: the matching case it
 * was generated for, the entries and items that belong together, and the status a reconciliation
 * should give it.
 *
 * @param matchCase the case, e.g. {@code exact-invoice}, {@code rf-reference}, {@code ambiguous}
 * @param expected {@code confirmed}, {@code suggested} or {@code unmatched}
 */
public record TruthRow(String matchCase, List<String> bankRefs, List<String> ledgerIds, String expected) {}
